/*
 * multixact: the members of a MultiXactId from pg_multixact/offsets and
 * pg_multixact/members, as src/backend/access/transam/multixact.c lays
 * them out and GetMultiXactIdMembers() reads them (every major 10..18; the
 * constants and MultiXactStatus are the same in all nine, and
 * MultiXactOffset is 32-bit through 18).
 *
 *   offsets: one MultiXactOffset (uint32) per multixact, 2048 per page: the
 *            offset of its first member.  Its member count is the next
 *            multixact's offset minus its own (uint32 arithmetic: offsets
 *            wrap), or, for the newest one (next_multi - 1), pg_control's
 *            nextMultiOffset minus its own, since the next entry is not
 *            written yet.  Offset 0 is never handed out.
 *   members: groups of 20 bytes, 409 per page (the last 12 bytes of a page
 *            unused): 4 flag bytes (one MultiXactStatus per member) then 4
 *            member XIDs.  A member XID of 0 at offset 0 is the slot skipped
 *            when offsets wrapped, not a member.
 *
 *   struct multixact *m = multixact_open("PGDATA/pg_multixact");
 *   struct mxact_limits lim = { next_multi, next_offset, oldest_multi };
 *   struct mxact_member mem[MXACT_MAX_MEMBERS];  (or fewer: max)
 *   size_t n;
 *   enum mxact_result r = multixact_members(m, &lim, multi, mem, max, &n, &ds);
 *   multixact_close(m);
 *
 * The caller owns out[]; n is the true member count even when it is more
 * than max (only max are stored).  Memory and work are bounded whatever the
 * bytes say: a count over MXACT_MAX_MEMBERS is a finding, not a loop, and
 * the handle keeps a few SLRU pages per directory (cluster/slru.h).
 */
#ifndef PGOD_MULTIXACT_H
#define PGOD_MULTIXACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "out/diag.h"

#define MXACT_OFFSETS_PER_PAGE		2048	/* MULTIXACT_OFFSETS_PER_PAGE */
#define MXACT_FLAGBYTES_PER_GROUP	4		/* MULTIXACT_FLAGBYTES_PER_GROUP */
#define MXACT_MEMBERS_PER_GROUP		4		/* MULTIXACT_MEMBERS_PER_MEMBERGROUP */
#define MXACT_GROUP_SIZE			20		/* MULTIXACT_MEMBERGROUP_SIZE */
#define MXACT_GROUPS_PER_PAGE		409		/* MULTIXACT_MEMBERGROUPS_PER_PAGE */
#define MXACT_MEMBERS_PER_PAGE		1636	/* MULTIXACT_MEMBERS_PER_PAGE */

/*
 * The most members one multixact can have: each member is a transaction
 * that was running (MAX_BACKENDS = 2^18 - 1 backends, plus as many prepared
 * transactions), each holding at most a lock and an update.  More is damage.
 */
#define MXACT_MAX_MEMBERS			(4u * 262143u)

/* MultiXactStatus (access/multixact.h), the same in 10..18. */
enum mxact_status {
	MXACT_FOR_KEY_SHARE = 0,	/* MultiXactStatusForKeyShare: "keysh" */
	MXACT_FOR_SHARE = 1,		/* MultiXactStatusForShare: "sh" */
	MXACT_FOR_NO_KEY_UPDATE = 2,	/* MultiXactStatusForNoKeyUpdate: "fornokeyupd" */
	MXACT_FOR_UPDATE = 3,		/* MultiXactStatusForUpdate: "forupd" */
	MXACT_NO_KEY_UPDATE = 4,	/* MultiXactStatusNoKeyUpdate: "nokeyupd" */
	MXACT_UPDATE = 5			/* MultiXactStatusUpdate: "upd" */
};

struct mxact_member {
	uint32_t	xid;			/* MultiXactMember.xid */
	uint8_t		status;			/* MultiXactMember.status (enum mxact_status) */
};

/* What pg_control's last checkpoint says of multixacts (checkPointCopy). */
struct mxact_limits {
	uint32_t	next_multi;		/* nextMulti: first multixact not yet created */
	uint32_t	next_offset;	/* nextMultiOffset: first member offset not used */
	uint32_t	oldest_multi;	/* oldestMulti: older ones may be truncated away */
};

enum mxact_result {
	MXACT_OK,					/* members in out[], count in *n */
	MXACT_NONE,					/* multi 0: InvalidMultiXactId */
	MXACT_TOO_OLD,				/* before oldest_multi ("does no longer exist") */
	MXACT_FUTURE,				/* at or past next_multi ("has not been created yet"): finding */
	MXACT_UNKNOWN,				/* a segment is missing or short: finding */
	MXACT_BAD					/* offsets or members that cannot be right: finding */
};

/* "keysh", "sh", "fornokeyupd", "forupd", "nokeyupd", "upd"; NULL past 5. */
const char *mxact_status_name(uint8_t status);
/* ISUPDATE_from_mxstatus: the member updated (or deleted) the tuple. */
bool		mxact_status_is_update(uint8_t status);
/* The updater among members (at most one in a sane multixact): its xid, or 0. */
uint32_t	mxact_updater(const struct mxact_member *mem, size_t n);
const char *mxact_result_name(enum mxact_result r);	/* "ok", "too old", ... */

/* Addresses: offsets entry of multi; flag byte and xid of member offset o. */
uint32_t	mxact_offset_page_of(uint32_t multi);
size_t		mxact_offset_byte_of(uint32_t multi);
uint32_t	mxact_member_page_of(uint32_t o);
size_t		mxact_member_flag_byte_of(uint32_t o);
size_t		mxact_member_xid_byte_of(uint32_t o);

struct multixact;

struct multixact *multixact_open(const char *dir);	/* PGDATA/pg_multixact */

/*
 * Members of multi.  lim may be NULL (no pg_control): then no range check,
 * and the newest multixact's end is unknown (its next entry is 0).  Findings
 * go to ds (may be NULL): a missing or short segment once per segment
 * (D_XACT_UNKNOWN), impossible offsets, counts, member XIDs or statuses and
 * a multixact not yet created (D_MULTIXACT).
 */
enum mxact_result multixact_members(struct multixact *m,
									const struct mxact_limits *lim,
									uint32_t multi, struct mxact_member *out,
									size_t max, size_t *n, struct diags *ds);
void		multixact_close(struct multixact *m);

#endif
