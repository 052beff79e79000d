/** What paging needs from a kind of page: items, cursors, the next page; and a publisher. */
package dev.apikeys.sdk.internal.paging;
