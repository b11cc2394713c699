/*
 * Varlena headers and TOAST pointers as postgres.h / varatt.h lay them
 * out, and inline compression as access/common/toast_compression.c
 * undoes it (pglz, LZ4).
 */
#include <lz4.h>

#include "heap/pglz.h"
#include "heap/varlena.h"
#include "io/bytes.h"

int
varlena_parse(const uint8_t *p, size_t avail, struct varlena *v,
			  struct diags *ds)
{
	uint32_t	len;

	memset(v, 0, sizeof(*v));
	if (avail < 1)
	{
		diag_add(ds, D_BAD_VALUE, "varlena header past the end of the tuple");
		return -1;
	}
	if (p[0] == 0x01)
	{
		/* VARATT_IS_1B_E: va_header 0x01, va_tag, then the pointer */
		uint32_t	size;

		if (avail < 2)
		{
			diag_add(ds, D_BAD_VALUE, "external varlena tag past the end of the tuple");
			return -1;
		}
		v->tag = p[1];
		switch (v->tag)
		{
			case VARTAG_ONDISK:
				size = 16;		/* sizeof(varatt_external) */
				break;
			case VARTAG_INDIRECT:
			case VARTAG_EXPANDED_RO:
			case VARTAG_EXPANDED_RW:
				size = 8;		/* a pointer */
				break;
			default:
				diag_add(ds, D_BAD_VALUE, "unknown external varlena tag %u", v->tag);
				return -1;
		}
		v->total = 2 + size;
		if (avail < v->total)
		{
			diag_add(ds, D_BAD_VALUE, "TOAST pointer of %u bytes, %zu left in the tuple",
					 v->total, avail);
			return -1;
		}
		if (v->tag != VARTAG_ONDISK)
		{
			v->form = VF_EXTERNAL_OTHER;
			return 0;
		}
		v->form = VF_EXTERNAL;
		v->ptr.rawsize = (int32_t) rd32(p + 2);
		v->ptr.extinfo = rd32(p + 6);
		v->ptr.extsize = v->ptr.extinfo & VARLENA_EXTSIZE_MASK;
		v->ptr.method = v->ptr.extinfo >> 30;
		v->ptr.valueid = rd32(p + 10);
		v->ptr.toastrelid = rd32(p + 14);
		return 0;
	}
	if (p[0] & 0x01)
	{
		/* VARATT_IS_1B: the length (header included) in the upper 7 bits */
		len = p[0] >> 1;
		if (len > avail)
		{
			diag_add(ds, D_BAD_VALUE, "short varlena of %u bytes, %zu left in the tuple",
					 len, avail);
			return -1;
		}
		v->form = VF_SHORT;
		v->total = len;
		v->data = p + 1;
		v->data_len = len - 1;
		return 0;
	}
	if (avail < 4)
	{
		diag_add(ds, D_BAD_VALUE, "4-byte varlena header, %zu bytes left in the tuple", avail);
		return -1;
	}
	len = rd32(p) >> 2;
	if ((p[0] & 0x03) == 0x02)
	{
		if (len < 8 || len > avail)
		{
			diag_add(ds, D_BAD_VALUE, "compressed varlena of %u bytes, %zu left in the tuple",
					 len, avail);
			return -1;
		}
		v->form = VF_COMPRESSED;
		v->total = len;
		v->rawsize = rd32(p + 4) & VARLENA_EXTSIZE_MASK;
		v->method = rd32(p + 4) >> 30;
		v->data = p + 8;
		v->data_len = len - 8;
		return 0;
	}
	if (len < 4 || len > avail)
	{
		diag_add(ds, D_BAD_VALUE, "varlena of %u bytes, %zu left in the tuple", len, avail);
		return -1;
	}
	v->form = VF_PLAIN;
	v->total = len;
	v->data = p + 4;
	v->data_len = len - 4;
	return 0;
}

int
toast_decompress(unsigned method, const uint8_t *src, size_t slen,
				 uint8_t *dst, size_t rawsize, struct diags *ds)
{
	if (method == TOAST_PGLZ)
	{
		long		r = pglz_decompress(src, slen, dst, rawsize, true);

		if (r < 0)
		{
			diag_add(ds, D_BAD_COMPRESSED, "pglz: %s (%zu bytes to %zu)",
					 pglz_strerror(r), slen, rawsize);
			return -1;
		}
		return 0;
	}
	if (method == TOAST_LZ4)
	{
		int			r;

		if (slen > (size_t) LZ4_MAX_INPUT_SIZE || rawsize > (size_t) INT32_MAX)
		{
			diag_add(ds, D_BAD_COMPRESSED, "lz4: sizes out of range");
			return -1;
		}
		r = LZ4_decompress_safe((const char *) src, (char *) dst, (int) slen, (int) rawsize);
		if (r < 0 || (size_t) r != rawsize)
		{
			diag_add(ds, D_BAD_COMPRESSED, "lz4: corrupt data (%zu bytes to %zu, got %d)",
					 slen, rawsize, r);
			return -1;
		}
		return 0;
	}
	diag_add(ds, D_BAD_COMPRESSED, "unknown compression method %u", method);
	return -1;
}
