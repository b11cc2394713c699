/*
 * diag: the one table of diagnostics and the list decoders fill.
 *
 * Decoders never print and never exit.  A caller passes a struct diags;
 * each finding is appended with diag_add() as one code from the table
 * below, where it was found (block, LSN, item offset) and a detail text.
 * The caller decides what to do: the tools render each finding with
 * diag_format() to stderr and as JSON fields, and the worst severity seen
 * becomes the exit status (0 clean, 1 damage, 2 usage or I/O).
 *
 * A struct diags holds at most DIAG_MAX findings; past that only the count
 * grows, so memory stays bounded whatever the input says.
 */
#ifndef PGOD_DIAG_H
#define PGOD_DIAG_H

#include <stddef.h>
#include <stdint.h>

enum diag_severity {
	SEV_NOTICE = 0,		/* worth saying, not damage (end of WAL, ...) */
	SEV_DAMAGE = 1,		/* the input is damaged: exit status 1 */
	SEV_FATAL = 2		/* could not open or read: exit status 2 */
};

/* One value per kind of finding; the strings live in diag.c's table. */
enum diag_code {
	D_OPEN_FAILED,
	D_READ_FAILED,
	D_GZIP_ERROR,
	D_TRUNCATED_BLOCK,
	D_BAD_PAGE_HEADER,
	D_BAD_PAGE_FLAGS,
	D_BAD_PAGE_VERSION,
	D_BAD_PAGE_SIZE,
	D_CHECKSUM_MISMATCH,
	D_ZERO_CHECKSUM,
	D_BAD_LINE_POINTER,
	D_ZERO_PAGE,
	D_BAD_CONTROL_FILE,
	D_CONTROL_CRC,
	D_UNKNOWN_VERSION,
	D_NOT_SUPPORTED,
	D_CHECKSUMS_DISABLED,	/* pgpage -k: pg_control says data checksums are off (notice) */
	D_ZERO_PAGES,		/* all-zero pages amid written ones: PostgreSQL's new pages (notice) */
	D_TORN_PAGE,		/* a zero header over bytes that are not: PageIsVerified fails */
	D_VERSION_OVERRIDE,	/* --pg-version differs from the cluster's (notice) */
	D_NOT_RELATION,		/* pgpage: PG_VERSION, pg_internal.init, ...: skipped (notice) */
	D_WAL_SEGMENT_INPUT,	/* pgpage: a WAL segment: for pgwal (notice) */
	D_EMPTY_FILE,		/* a file of no pages: a truncated relation (notice) */
	D_BAD_RELMAP,		/* pg_filenode.map: size, magic or count */
	D_RELMAP_CRC,		/* pg_filenode.map: CRC mismatch */
	D_WAL_END,			/* pgwal: end of WAL (notice) */
	D_WAL_PAGE_HEADER,
	D_WAL_RECORD,
	D_WAL_CRC,
	D_WAL_CONTRECORD,
	D_WAL_MISSING_SEGMENT,
	D_WAL_SKIPPED,
	D_BT_BAD_META,		/* pgbtree: metapage magic, version or flags */
	D_BT_BAD_PAGE,		/* pgbtree: special space or opaque data */
	D_BT_BAD_TUPLE,		/* pgbtree: index tuple length, posting list bounds */
	D_BT_SIBLING,		/* pgbtree --check: left/right links disagree */
	D_BT_LEVEL,			/* pgbtree --check: level of a page in the walk */
	D_BT_DOWNLINK,		/* pgbtree --check: downlink to a wrong page */
	D_BT_REACHED_TWICE,	/* pgbtree --check: a page reached twice */
	D_BT_ROOT,			/* pgbtree --check: metapage root or fast root */
	D_BT_POSTING,		/* pgbtree --check: posting list or equal keys not in heap TID order */
	D_BT_HIGHKEY,		/* pgbtree --check: high key is not its parent's separator */
	D_BT_KEY_ORDER,		/* pgbtree --check -T: keys out of order */
	D_FSM_TREE,			/* pgfsm: an inner node is not the max of its children */
	D_FSM_STALE_UPPER,	/* pgfsm --check: upper level out of date (notice) */
	D_FSM_OVERSTATES,	/* pgfsm --check: a leaf records more room than the heap page has (notice) */
	D_VM_BITS,			/* pgvm: all-frozen without all-visible */
	D_VM_PAGE_FLAG,		/* pgvm --check: map bit set, PD_ALL_VISIBLE clear */
	D_VM_MAP_BIT,		/* pgvm --check: PD_ALL_VISIBLE set, map bit clear */
	D_VM_NOT_VISIBLE,	/* pgvm --check: a tuple on an all-visible page is not */
	D_VM_NOT_FROZEN,	/* pgvm --check: a tuple on an all-frozen page is not */
	D_HEAP_SIZE_UNKNOWN,	/* pgfsm, pgvm: no main fork to size the heap (notice) */
	D_BAD_TYPE_SPEC,	/* pgpage -T: a column list that does not parse (usage) */
	D_BAD_VALUE,		/* a column value whose bytes do not hold together */
	D_BAD_TOAST,		/* a TOAST value missing, incomplete or inconsistent */
	D_BAD_COMPRESSED,	/* a compressed value that does not decompress */
	D_VALUE_LIMIT,		/* a value or TOAST index over our memory bound (notice) */
	D_HEAP_TUPLE_HEADER,	/* pgpage --check: a heap tuple header breaks a rule */
	D_HEAP_HOT_CHAIN,	/* pgpage --check: a broken HOT/update chain */
	D_HEAP_ATTRIBUTES,	/* pgpage --check: attributes do not fit the tuple */
	D_INPUT_TOO_LONG,	/* an input longer than a relation segment: read no further */
	D_FILE_MISSING,		/* -D: a catalog's or relation's file is not in the data directory */
	D_XACT_UNKNOWN,		/* -D: a catalog row's XID has no pg_xact status (segment missing) */
	D_HINT_BITS,		/* -D: a tuple's hint bits contradict the transaction logs (heapvis) */
	D_XACT_FUTURE,		/* an XID at or past pg_control's next XID in a cleanly stopped cluster */
	D_SUBTRANS_PARENT,	/* pg_subtrans: a parent that does not precede its child, or a chain too long */
	D_MULTIXACT,		/* pg_multixact: offsets or members that cannot be right, a multixact not yet created */
	D_SEGMENT_MISSING,	/* pgpage -D: a relation segment absent before a later one */
	D_SEGMENT_SHORT,	/* pgpage -D: a segment shorter than RELSEG_SIZE blocks before a later one */
	D_ORPHAN_FILE,		/* pgpage -D: a relation file no pg_class row owns (notice) */
	D_NOT_IN_COPY,		/* pgpage -D: a directory or file absent from a partial copy (notice) */
	D_BAD_PG_VERSION,	/* pgpage -D: PG_VERSION unreadable or not pg_control's major */
	D_NAMES_UNKNOWN,	/* pgwal -D: block references of databases not in the data directory (notice) */
	D_FORK_ABSENT,		/* -D: a relation has no _fsm or _vm fork (read as empty) */
	D__COUNT
};

#define DIAG_MAX 64
#define DIAG_DETAIL 192

struct diag {
	enum diag_code code;
	uint32_t	blkno;		/* absolute block number, if has_blkno */
	uint64_t	lsn;		/* WAL position, if has_lsn */
	uint64_t	lsn_to;		/* a WAL range's end, if has_lsn_to: where
							 * D_WAL_SKIPPED resumed reading (lsn: where
							 * the skip began) */
	uint16_t	item;		/* line pointer / item offset, 0 = none */
	unsigned	has_blkno:1;
	unsigned	has_lsn:1;
	unsigned	has_lsn_to:1;
	char		detail[DIAG_DETAIL];	/* the rest of the sentence */
};

struct diags {
	struct diag d[DIAG_MAX];
	int			n;			/* entries used in d[] */
	int			dropped;	/* findings past DIAG_MAX, counted only */
	enum diag_severity worst;	/* highest severity added since reset */
};

void		diags_reset(struct diags *ds);

/* Append a finding.  fmt/... form the detail; where fields are zeroed. */
struct diag *diag_add(struct diags *ds, enum diag_code code,
					  const char *fmt,...)
			__attribute__((format(printf, 3, 4)));

/* Same, at a block. */
struct diag *diag_add_block(struct diags *ds, enum diag_code code,
							uint32_t blkno, const char *fmt,...)
			__attribute__((format(printf, 4, 5)));

/* Same, at an LSN (WAL). */
struct diag *diag_add_lsn(struct diags *ds, enum diag_code code,
						  uint64_t lsn, const char *fmt,...)
			__attribute__((format(printf, 4, 5)));

enum diag_severity diag_severity_of(enum diag_code code);
const char *diag_name(enum diag_code code);	/* stable slug for JSON */
const char *diag_text(enum diag_code code);	/* human head of the message */

/*
 * Render "tool: file: block N: message (detail)" into buf (always
 * NUL-terminated, truncated to size).  file may be NULL.
 */
size_t		diag_format(const struct diag *d, const char *tool,
						const char *file, char *buf, size_t size);

/* The message alone: "checksum mismatch (stored 0x1a2b, ...)" */
size_t		diag_message(const struct diag *d, char *buf, size_t size);

#endif
