package dev.apikeys.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Starts a {@code MockApiKeysServer} (apikeys-sdk-testkit, a test dependency) for the test's
 * context and points the auto-configured {@code ApiKeysClient} at it, with the server's
 * administrator token: no {@code apikeys.*} property is needed. The server is a bean, so the
 * test can inject it to seed keys or stub faults; declare a {@code MockApiKeysServer} bean of
 * your own (started) to configure it.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureMockApiKeysServer
 * class KeysTest {
 *   @Autowired ApiKeysClient client;
 *   @Autowired MockApiKeysServer server;
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration(MockApiKeysServerAutoConfiguration.class)
public @interface AutoConfigureMockApiKeysServer {
}
