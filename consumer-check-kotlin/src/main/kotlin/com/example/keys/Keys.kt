package com.example.keys

import dev.apikeys.sdk.ApiKeysClient
import dev.apikeys.sdk.models.ApiKey
import dev.apikeys.sdk.models.ListApiKeysParams
import dev.apikeys.sdk.models.UpdateApiKeyParams
import kotlinx.coroutines.future.await

/** The SDK from Kotlin: builders, the auto-pager as a Sequence, async with await(). */
class Keys(private val client: ApiKeysClient) {

    /** The name of every key, page after page. */
    fun names(): List<String> =
        client.apiKeys().list(ListApiKeysParams.builder().limit(2).build())
            .autoPager()
            .asSequence()
            .map { it.name() }
            .toList()

    /** Removes a key's expiry: expiresAt(null) compiles, its parameter is OffsetDateTime?. */
    fun neverExpire(id: String): ApiKey =
        client.apiKeys().update(id, UpdateApiKeyParams.builder().expiresAt(null).build())

    /** Reads a key's description without blocking a thread. */
    suspend fun description(id: String): String? =
        client.async().apiKeys().retrieve(id).await().description().orElse(null)
}

/** Builds a client; token is a String, not String?: null does not compile. */
fun client(baseUrl: String, token: String): ApiKeysClient =
    ApiKeysClient.builder().baseUrl(baseUrl).token(token).build()
