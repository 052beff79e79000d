package com.example.keys

import dev.apikeys.sdk.ApiKeysClient
import dev.apikeys.testkit.MockApiKeysServer
import dev.apikeys.testkit.MockApiKeysServerExtension
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension
import java.time.OffsetDateTime
import java.time.ZoneOffset

/** The Kotlin code against the testkit, with three seeded keys (the third one expires). */
class KeysTest {

    companion object {
        const val TOKEN = "tok_kotlin_consumer"

        @JvmField
        @RegisterExtension
        val API = MockApiKeysServerExtension(
            MockApiKeysServer.builder().seed(3).adminToken(TOKEN))
    }

    @Test
    fun pagesThroughEveryKeyAsASequence(client: ApiKeysClient) {
        assertEquals(listOf("Seeded key 1", "Seeded key 2", "Seeded key 3"), Keys(client).names())
    }

    @Test
    fun removesAnExpiryWithExpiresAtNull(client: ApiKeysClient) {
        assertEquals(OffsetDateTime.of(2030, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
            client.apiKeys().retrieve("key_0003").expiresAt().orElseThrow())

        assertNull(Keys(client).neverExpire("key_0003").expiresAt().orElse(null))
        assertNull(client.apiKeys().retrieve("key_0003").expiresAt().orElse(null))
    }

    @Test
    fun awaitsTheAsyncCall(client: ApiKeysClient) {
        val description = runBlocking { Keys(client).description("key_0002") }

        assertEquals("Seeded API key number 2", description)
    }

    @Test
    fun buildsAClientFromKotlin(server: MockApiKeysServer) {
        client(server.baseUrl(), TOKEN).use {
            assertEquals("key_0001", it.apiKeys().retrieve("key_0001").id())
        }
    }
}
