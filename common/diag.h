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
	D_WAL_END,			/* pgwal: end of WAL (notice) */
	D_WAL_PAGE_HEADER,
	D_WAL_RECORD,
	D_WAL_CRC,
	D_WAL_CONTRECORD,
	D_WAL_MISSING_SEGMENT,
	D_WAL_SKIPPED,
	D__COUNT
};

#define DIAG_MAX 64
#define DIAG_DETAIL 192

struct diag {
	enum diag_code code;
	uint32_t	blkno;		/* absolute block number, if has_blkno */
	uint64_t	lsn;		/* WAL position, if has_lsn */
	uint16_t	item;		/* line pointer / item offset, 0 = none */
	unsigned	has_blkno:1;
	unsigned	has_lsn:1;
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
