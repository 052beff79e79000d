package com.example.keys

import dev.apikeys.sdk.ApiKeysClient

/** Must not compile: the SDK's token(...) takes a non-null String. */
fun misuse(): ApiKeysClient = ApiKeysClient.builder().token(null).build()
