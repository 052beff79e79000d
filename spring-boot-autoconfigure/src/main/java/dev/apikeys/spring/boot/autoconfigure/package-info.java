/**
 * Spring Boot auto-configuration of the API Keys SDK: an {@link dev.apikeys.sdk.ApiKeysClient}
 * bean from the {@code apikeys.*} properties, its Micrometer observations and an opt-in health
 * indicator. Start at {@link dev.apikeys.spring.boot.autoconfigure.ApiKeysAutoConfiguration}.
 */
@NullMarked
package dev.apikeys.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
