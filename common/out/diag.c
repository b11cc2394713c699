/*
 * The one table of diagnostics: codes, severities, messages and their
 * single rendering.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "out/diag.h"

/* One row per code: severity, JSON name, the head of the sentence. */
static const struct {
	enum diag_severity sev;
	const char *name;
	const char *text;
} diag_table[D__COUNT] = {
	[D_OPEN_FAILED] = {SEV_FATAL, "open_failed", "cannot open"},
	[D_READ_FAILED] = {SEV_FATAL, "read_failed", "read error"},
	[D_GZIP_ERROR] = {SEV_DAMAGE, "gzip_error", "corrupt gzip stream"},
	[D_TRUNCATED_BLOCK] = {SEV_DAMAGE, "truncated_block", "truncated block"},
	[D_BAD_PAGE_HEADER] = {SEV_DAMAGE, "bad_page_header", "invalid page header"},
	[D_BAD_PAGE_FLAGS] = {SEV_DAMAGE, "bad_page_flags", "invalid page flags"},
	[D_BAD_PAGE_VERSION] = {SEV_DAMAGE, "bad_page_version", "unexpected page layout version"},
	[D_BAD_PAGE_SIZE] = {SEV_DAMAGE, "bad_page_size", "unexpected page size"},
	[D_CHECKSUM_MISMATCH] = {SEV_DAMAGE, "checksum_mismatch", "checksum mismatch"},
	[D_ZERO_CHECKSUM] = {SEV_DAMAGE, "zero_checksum", "checksum missing"},
	[D_BAD_LINE_POINTER] = {SEV_DAMAGE, "bad_line_pointer", "invalid line pointer"},
	[D_ZERO_PAGE] = {SEV_DAMAGE, "zero_page", "page is all zeros amid written pages"},
	[D_BAD_CONTROL_FILE] = {SEV_DAMAGE, "bad_control_file", "invalid control file"},
	[D_CONTROL_CRC] = {SEV_DAMAGE, "control_crc_mismatch", "control file CRC mismatch"},
	[D_UNKNOWN_VERSION] = {SEV_FATAL, "unknown_version", "cannot tell the PostgreSQL version"},
	[D_NOT_SUPPORTED] = {SEV_FATAL, "not_supported", "not supported"},
	[D_CHECKSUMS_DISABLED] = {SEV_NOTICE, "checksums_disabled", "data checksums are disabled in this cluster: nothing to verify"},
	[D_ZERO_PAGES] = {SEV_NOTICE, "zero_pages", "all-zero pages amid written pages (PostgreSQL reads them as new pages)"},
	[D_TORN_PAGE] = {SEV_DAMAGE, "torn_page", "invalid page: pd_upper is 0 but the page is not all zeros (a torn write?)"},
	[D_VERSION_OVERRIDE] = {SEV_NOTICE, "version_override", "--pg-version differs from the cluster's version"},
	[D_NOT_RELATION] = {SEV_NOTICE, "not_relation", "not a relation file, skipped"},
	[D_WAL_SEGMENT_INPUT] = {SEV_NOTICE, "wal_segment", "a WAL segment, not a relation file: read it with pgwal"},
	[D_EMPTY_FILE] = {SEV_NOTICE, "empty_file", "no pages (empty file)"},
	[D_BAD_RELMAP] = {SEV_DAMAGE, "bad_relmap", "invalid relation map file"},
	[D_RELMAP_CRC] = {SEV_DAMAGE, "relmap_crc_mismatch", "relation map file CRC mismatch"},
	[D_WAL_END] = {SEV_NOTICE, "wal_end", "end of WAL"},
	[D_WAL_PAGE_HEADER] = {SEV_DAMAGE, "wal_page_header", "invalid WAL page header"},
	[D_WAL_RECORD] = {SEV_DAMAGE, "wal_record", "invalid WAL record"},
	[D_WAL_CRC] = {SEV_DAMAGE, "wal_crc_mismatch", "WAL record CRC mismatch"},
	[D_WAL_CONTRECORD] = {SEV_DAMAGE, "wal_contrecord", "invalid WAL continuation record"},
	[D_WAL_MISSING_SEGMENT] = {SEV_DAMAGE, "wal_missing_segment", "WAL segment missing"},
	[D_WAL_SKIPPED] = {SEV_DAMAGE, "wal_skipped", "WAL skipped"},
	[D_BAD_TYPE_SPEC] = {SEV_FATAL, "bad_type_spec", "invalid column type list"},
	[D_BAD_VALUE] = {SEV_DAMAGE, "bad_value", "invalid column value"},
	[D_BAD_TOAST] = {SEV_DAMAGE, "bad_toast", "TOAST value unavailable"},
	[D_BAD_COMPRESSED] = {SEV_DAMAGE, "bad_compressed", "compressed value does not decompress"},
	[D_VALUE_LIMIT] = {SEV_NOTICE, "value_limit", "value not read: over the memory limit"},
	[D_FSM_TREE] = {SEV_DAMAGE, "fsm_tree", "FSM node disagrees with its children"},
	[D_FSM_STALE_UPPER] = {SEV_NOTICE, "fsm_stale_upper", "FSM upper level out of date"},
	[D_FSM_OVERSTATES] = {SEV_NOTICE, "fsm_overstates", "FSM records more free space than the heap page has"},
	[D_VM_BITS] = {SEV_DAMAGE, "vm_bits", "all-frozen but not all-visible in the visibility map"},
	[D_VM_PAGE_FLAG] = {SEV_DAMAGE, "vm_page_flag", "all-visible in the visibility map but PD_ALL_VISIBLE is clear on the page"},
	[D_VM_MAP_BIT] = {SEV_DAMAGE, "vm_map_bit", "PD_ALL_VISIBLE set on the page but not all-visible in the visibility map"},
	[D_VM_NOT_VISIBLE] = {SEV_DAMAGE, "vm_not_visible", "all-visible page holds a tuple not visible to all"},
	[D_VM_NOT_FROZEN] = {SEV_DAMAGE, "vm_not_frozen", "all-frozen page holds a tuple that is not frozen"},
	[D_HEAP_SIZE_UNKNOWN] = {SEV_NOTICE, "heap_size_unknown", "heap size unknown"},
	[D_BT_BAD_META] = {SEV_DAMAGE, "btree_bad_meta", "invalid B-tree metapage"},
	[D_BT_BAD_PAGE] = {SEV_DAMAGE, "btree_bad_page", "invalid B-tree page"},
	[D_BT_BAD_TUPLE] = {SEV_DAMAGE, "btree_bad_tuple", "invalid index tuple"},
	[D_BT_SIBLING] = {SEV_DAMAGE, "btree_sibling", "B-tree sibling links disagree"},
	[D_BT_LEVEL] = {SEV_DAMAGE, "btree_level", "B-tree level mismatch"},
	[D_BT_DOWNLINK] = {SEV_DAMAGE, "btree_downlink", "invalid B-tree downlink"},
	[D_BT_REACHED_TWICE] = {SEV_DAMAGE, "btree_reached_twice", "B-tree page reached twice"},
	[D_BT_ROOT] = {SEV_DAMAGE, "btree_root", "invalid B-tree root"},
	[D_BT_POSTING] = {SEV_DAMAGE, "btree_tid_order", "heap TIDs out of order"},
	[D_BT_HIGHKEY] = {SEV_DAMAGE, "btree_high_key", "B-tree high key does not match its parent's separator"},
	[D_BT_KEY_ORDER] = {SEV_DAMAGE, "btree_key_order", "B-tree keys out of order"},
	[D_HEAP_TUPLE_HEADER] = {SEV_DAMAGE, "heap_tuple_header", "invalid heap tuple header"},
	[D_HEAP_HOT_CHAIN] = {SEV_DAMAGE, "heap_hot_chain", "broken HOT chain"},
	[D_HEAP_ATTRIBUTES] = {SEV_DAMAGE, "heap_attributes", "heap tuple attributes do not fit"},
	[D_INPUT_TOO_LONG] = {SEV_DAMAGE, "input_too_long", "input longer than a relation segment"},
	[D_FILE_MISSING] = {SEV_DAMAGE, "file_missing", "file missing"},
	[D_FORK_ABSENT] = {SEV_NOTICE, "fork_absent", "no such fork (PostgreSQL reads it as empty)"},
	[D_XACT_UNKNOWN] = {SEV_DAMAGE, "xact_unknown", "transaction status unknown"},
	[D_HINT_BITS] = {SEV_DAMAGE, "hint_bits", "hint bits contradict the transaction logs"},
	[D_XACT_FUTURE] = {SEV_DAMAGE, "xact_future", "transaction ID in the future"},
	[D_SUBTRANS_PARENT] = {SEV_DAMAGE, "subtrans_parent", "invalid pg_subtrans parent"},
	[D_MULTIXACT] = {SEV_DAMAGE, "multixact", "invalid multixact"},
	[D_SEGMENT_MISSING] = {SEV_DAMAGE, "segment_missing", "relation segment missing before a later segment"},
	[D_SEGMENT_SHORT] = {SEV_DAMAGE, "segment_short", "relation segment shorter than a full segment before a later segment"},
	[D_ORPHAN_FILE] = {SEV_NOTICE, "orphan_file", "relation file that no pg_class row owns"},
	[D_NOT_IN_COPY] = {SEV_NOTICE, "not_in_copy", "not in this copy of the cluster"},
	[D_BAD_PG_VERSION] = {SEV_DAMAGE, "bad_pg_version", "invalid PG_VERSION"},
	[D_NAMES_UNKNOWN] = {SEV_NOTICE, "names_unknown", "relations left unnamed"},
};

void
diags_reset(struct diags *ds)
{
	ds->n = 0;
	ds->dropped = 0;
	ds->worst = SEV_NOTICE;
}

static struct diag *
diag_vadd(struct diags *ds, enum diag_code code, const char *fmt, va_list ap)
{
	struct diag *d;

	if (diag_table[code].sev > ds->worst)
		ds->worst = diag_table[code].sev;
	if (ds->n >= DIAG_MAX)
	{
		ds->dropped++;
		return NULL;
	}
	d = &ds->d[ds->n++];
	memset(d, 0, sizeof(*d));
	d->code = code;
	if (fmt != NULL)
		vsnprintf(d->detail, sizeof(d->detail), fmt, ap);
	return d;
}

struct diag *
diag_add(struct diags *ds, enum diag_code code, const char *fmt,...)
{
	va_list		ap;
	struct diag *d;

	va_start(ap, fmt);
	d = diag_vadd(ds, code, fmt, ap);
	va_end(ap);
	return d;
}

struct diag *
diag_add_block(struct diags *ds, enum diag_code code, uint32_t blkno,
			   const char *fmt,...)
{
	va_list		ap;
	struct diag *d;

	va_start(ap, fmt);
	d = diag_vadd(ds, code, fmt, ap);
	va_end(ap);
	if (d != NULL)
	{
		d->blkno = blkno;
		d->has_blkno = 1;
	}
	return d;
}

struct diag *
diag_add_lsn(struct diags *ds, enum diag_code code, uint64_t lsn,
			 const char *fmt,...)
{
	va_list		ap;
	struct diag *d;

	va_start(ap, fmt);
	d = diag_vadd(ds, code, fmt, ap);
	va_end(ap);
	if (d != NULL)
	{
		d->lsn = lsn;
		d->has_lsn = 1;
	}
	return d;
}

enum diag_severity
diag_severity_of(enum diag_code code)
{
	return diag_table[code].sev;
}

const char *
diag_name(enum diag_code code)
{
	return diag_table[code].name;
}

const char *
diag_text(enum diag_code code)
{
	return diag_table[code].text;
}

size_t
diag_message(const struct diag *d, char *buf, size_t size)
{
	int			n;

	if (d->detail[0] != '\0')
		n = snprintf(buf, size, "%s (%s)", diag_table[d->code].text, d->detail);
	else
		n = snprintf(buf, size, "%s", diag_table[d->code].text);
	return n < 0 ? 0 : (size_t) n;
}

size_t
diag_format(const struct diag *d, const char *tool, const char *file,
			char *buf, size_t size)
{
	size_t		len = 0;
	int			n;

#define APPEND(...) do { \
		n = snprintf(size > len ? buf + len : NULL, size > len ? size - len : 0, __VA_ARGS__); \
		if (n > 0) len += (size_t) n; \
	} while (0)

	if (size == 0)
		return 0;
	buf[0] = '\0';
	APPEND("%s: ", tool);
	if (file != NULL)
		APPEND("%s: ", file);
	if (d->has_blkno)
		APPEND("block %u: ", (unsigned) d->blkno);
	if (d->has_lsn)
		APPEND("lsn %X/%X: ", (unsigned) (d->lsn >> 32), (unsigned) d->lsn);
	if (d->item != 0)
		APPEND("item %u: ", (unsigned) d->item);
	if (len < size)
		len += diag_message(d, buf + len, size - len);
#undef APPEND
	if (len >= size)
		len = size - 1;
	return len;
}
