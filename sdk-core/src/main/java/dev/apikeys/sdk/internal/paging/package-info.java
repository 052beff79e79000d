/** What paging needs from a kind of page: items, cursors, the next page; and a publisher. */
@NullMarked
package dev.apikeys.sdk.internal.paging;

import org.jspecify.annotations.NullMarked;
