/*
 * libFuzzer target: varlena forms and TOAST (heap/varlena.c and
 * heap/toast.c, after varatt.h / postgres.h, access/detoast.c and
 * toast_internals.c): every
 * header form parsed as a tuple's attributes follow one another, each
 * value detoasted (inline pglz and LZ4 decompression), a raw
 * decompression of chosen size, and, for one input in two, the TOAST
 * store: the pages written as a TOAST relation's file, its chunks indexed
 * and one value reassembled from a TOAST pointer and detoasted.
 *
 * Input: byte 0 the mode (bits 0..1: decompression method; bit 7: the
 * TOAST store), bytes 1..2 a raw size for the decompression, then 18
 * bytes: a TOAST pointer's header and varatt_external (va_header 0x01,
 * va_tag, va_rawsize, va_extinfo, va_valueid, va_toastrelid); the rest is
 * the varlenas, and also the TOAST relation's pages.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "heap/toast.h"
#include "heap/varlena.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define HDR 21
#define RAW_MAX 65535

static char dir[64];
static char path[80];

static void
cleanup(void)
{
	unlink(path);
	rmdir(dir);
}

static void
detoast(const struct varlena *v, struct toast_store *ts)
{
	struct diags ds;
	uint8_t    *buf = NULL;
	size_t		len = 0;

	diags_reset(&ds);
	if (varlena_detoast(v, ts, &buf, &len, &ds) == 0 && len > 0)
		buf[len - 1] ^= 1;		/* every byte handed back is ours to touch */
	free(buf);
	if (v->form == VF_EXTERNAL)
		(void) toast_pointer_compressed(&v->ptr);
}

static void
store(const uint8_t *rel, size_t relsize, const uint8_t *ptr)
{
	FILE	   *f;
	struct diags ds;
	struct toast_store *ts;
	const char *paths[1] = {path};
	struct varlena v;

	if (path[0] == '\0')
	{
		/* named as a relation file, so it is segment 0 of one */
		snprintf(dir, sizeof(dir), "/tmp/fuzz_toast.XXXXXX");
		if (mkdtemp(dir) == NULL)
			abort();
		snprintf(path, sizeof(path), "%s/16385", dir);
		atexit(cleanup);
	}
	f = fopen(path, "wb");
	if (f == NULL || fwrite(rel, 1, relsize, f) != relsize || fclose(f) != 0)
		abort();
	diags_reset(&ds);
	ts = toast_open_bounded(paths, 1, 1024, 16, &ds);
	if (ts == NULL)
		return;
	(void) toast_chunk_count(ts);
	diags_reset(&ds);
	if (varlena_parse(ptr, 18, &v, &ds) == 0)
	{
		if (v.form == VF_EXTERNAL)
		{
			uint8_t    *buf = NULL;
			size_t		len;

			diags_reset(&ds);
			if (toast_fetch(ts, &v.ptr, &buf, &len, &ds) == 0)
				free(buf);
		}
		detoast(&v, ts);
	}
	toast_close(ts);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags ds;
	uint8_t    *buf,
			   *dst;
	size_t		len,
				raw,
				off;

	if (size < HDR)
		return 0;
	len = size - HDR;
	buf = malloc(len ? len : 1);
	raw = (size_t) data[1] | (size_t) data[2] << 8;
	dst = malloc(raw ? raw : 1);
	if (buf == NULL || dst == NULL)
		abort();
	memcpy(buf, data + HDR, len);

	/* attributes one after another, as heap_deform_tuple walks them */
	for (off = 0; off < len;)
	{
		struct varlena v;

		diags_reset(&ds);
		if (varlena_parse(buf + off, len - off, &v, &ds) != 0 || v.total == 0)
			off++;
		else
		{
			detoast(&v, NULL);
			off += v.total;
		}
	}
	diags_reset(&ds);
	(void) toast_decompress(data[0] & 3, buf, len, dst, raw, &ds);
	if (data[0] & 0x80)
		store(buf, len, data + 3);
	free(dst);
	free(buf);
	return 0;
}
