/**
 * The API Keys client: {@link dev.apikeys.sdk.ApiKeysClient} (start at
 * {@link dev.apikeys.sdk.ApiKeysClient#builder()}), its services, generated per tag of the API's
 * OpenAPI document ({@code ApiKeysService}, {@code AccountApiKeysService}, each with an
 * {@code ...Async} twin and a {@code withRawResponse()} view), the options of a call, paging
 * ({@link dev.apikeys.sdk.ApiKeyPage}, {@link dev.apikeys.sdk.AutoPager}) and the retry policy.
 */
@NullMarked
package dev.apikeys.sdk;

import org.jspecify.annotations.NullMarked;
