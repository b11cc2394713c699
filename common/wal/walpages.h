/*
 * walpages: heap pages followed through the WAL read, tuple by tuple, so
 * that an UPDATE carrying only the middle of its new tuple (prefix and
 * suffix compression, log_heap_update) can be rebuilt as redo rebuilds it,
 * from the old tuple the page held.
 *
 *   struct walpages *wp = walpages_create(2048);
 *   walpages_image(wp, &key, page)      a full page image restored: follow it
 *   walpages_init(wp, &key)             XLOG_HEAP_INIT_PAGE: an empty page
 *   walpages_get(wp, &key, off, &len)   the tuple at off, or NULL
 *   walpages_put(wp, &key, off, t, n)   an insert or update wrote t there
 *   walpages_forget(wp, &key, off)      off holds something we cannot know
 *   walpages_free(wp);
 *
 * A page is followed only from a full page image (or an INIT_PAGE) in the
 * WAL read: what the page held before is never guessed.  The tuples' data
 * is what counts (the infomask bits changed by locks, prunes and freezes
 * do not change a prefix or suffix); a tuple written where the page is not
 * followed is not kept.  At most max_pages pages are followed: the one
 * followed longest is forgotten to make room (walpages_evicted counts).
 * Everything is owned by the handle.
 */
#ifndef PGOD_WALPAGES_H
#define PGOD_WALPAGES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct walpage_key {
	uint32_t	spcoid;			/* RelFileLocator.spcOid */
	uint32_t	dboid;			/* dbOid */
	uint32_t	relnumber;		/* relNumber (main fork only) */
	uint32_t	blkno;			/* BlockNumber */
};

struct walpages;

struct walpages *walpages_create(size_t max_pages);
void		walpages_free(struct walpages *wp);
void		walpages_image(struct walpages *wp, const struct walpage_key *k,
						   const uint8_t *page);
void		walpages_init(struct walpages *wp, const struct walpage_key *k);
bool		walpages_followed(const struct walpages *wp, const struct walpage_key *k);
const uint8_t *walpages_get(const struct walpages *wp, const struct walpage_key *k,
							uint16_t offnum, size_t *len);
void		walpages_put(struct walpages *wp, const struct walpage_key *k,
						 uint16_t offnum, const uint8_t *tup, size_t len);
void		walpages_forget(struct walpages *wp, const struct walpage_key *k,
							uint16_t offnum);
/* INPLACE: the tuple's bytes from t_hoff replaced by data (same length). */
void		walpages_inplace(struct walpages *wp, const struct walpage_key *k,
							 uint16_t offnum, const uint8_t *data, size_t len);
size_t		walpages_evicted(const struct walpages *wp);

#endif
