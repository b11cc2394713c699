/*
 * pg_multixact lookups: a multixact's members with their lock modes, as
 * GetMultiXactIdMembers() in src/backend/access/transam/multixact.c reads
 * the offsets and members SLRUs (mxstatus_to_string() for the names).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/multixact.h"
#include "cluster/slru.h"

struct multixact {
	struct slru *offsets;		/* pg_multixact/offsets */
	struct slru *members;		/* pg_multixact/members */
};

const char *
mxact_status_name(uint8_t status)
{
	static const char *const names[] = {
		"keysh", "sh", "fornokeyupd", "forupd", "nokeyupd", "upd"
	};

	return status < 6 ? names[status] : NULL;
}

bool
mxact_status_is_update(uint8_t status)
{
	return status == MXACT_NO_KEY_UPDATE || status == MXACT_UPDATE;
}

uint32_t
mxact_updater(const struct mxact_member *mem, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (mxact_status_is_update(mem[i].status))
			return mem[i].xid;
	return 0;
}

const char *
mxact_result_name(enum mxact_result r)
{
	static const char *const names[] = {
		"ok", "none", "too old", "in the future", "unknown", "invalid"
	};

	return (unsigned) r < 6 ? names[r] : "invalid";
}

uint32_t
mxact_offset_page_of(uint32_t multi)
{
	return multi / MXACT_OFFSETS_PER_PAGE;
}

size_t
mxact_offset_byte_of(uint32_t multi)
{
	return (size_t) (multi % MXACT_OFFSETS_PER_PAGE) * 4;
}

uint32_t
mxact_member_page_of(uint32_t o)
{
	return o / MXACT_MEMBERS_PER_PAGE;
}

size_t
mxact_member_flag_byte_of(uint32_t o)
{
	return (size_t) ((o / MXACT_MEMBERS_PER_GROUP) % MXACT_GROUPS_PER_PAGE) *
		MXACT_GROUP_SIZE + o % MXACT_MEMBERS_PER_GROUP;
}

size_t
mxact_member_xid_byte_of(uint32_t o)
{
	return (size_t) ((o / MXACT_MEMBERS_PER_GROUP) % MXACT_GROUPS_PER_PAGE) *
		MXACT_GROUP_SIZE + MXACT_FLAGBYTES_PER_GROUP +
		(o % MXACT_MEMBERS_PER_GROUP) * 4;
}

struct multixact *
multixact_open(const char *dir)
{
	struct multixact *m = calloc(1, sizeof(*m));
	size_t		n = strlen(dir) + 16;
	char	   *p = malloc(n);

	if (m == NULL || p == NULL)
		goto fail;
	snprintf(p, n, "%s/offsets", dir);
	m->offsets = slru_open(p);
	snprintf(p, n, "%s/members", dir);
	m->members = slru_open(p);
	if (m->offsets == NULL || m->members == NULL)
		goto fail;
	free(p);
	return m;
fail:
	free(p);
	multixact_close(m);
	return NULL;
}

void
multixact_close(struct multixact *m)
{
	if (m == NULL)
		return;
	slru_close(m->offsets);
	slru_close(m->members);
	free(m);
}

static uint32_t
rd32(const uint8_t *p)
{
	return (uint32_t) p[0] | (uint32_t) p[1] << 8 |
		(uint32_t) p[2] << 16 | (uint32_t) p[3] << 24;
}

/* MultiXactIdPrecedes: modulo-2^32 order, as XIDs. */
static bool
multi_precedes(uint32_t a, uint32_t b)
{
	return (int32_t) (a - b) < 0;
}

/* A segment we could not read: said once per segment, in ds. */
static void
say_missing(struct slru *s, const char *name, uint32_t pageno, uint32_t multi,
			struct diags *ds)
{
	uint32_t	segno = slru_segment_of(pageno);

	if (ds == NULL || !slru_first_report(s, segno))
		return;
	if (slru_dir_absent(s))
		diag_add(ds, D_NOT_IN_COPY, "%s: members of multixact %u unknown",
				 slru_dir(s), (unsigned) multi);
	else
		diag_add(ds, D_XACT_UNKNOWN, "pg_multixact/%s/%04X %s: members of multixact %u unknown",
			 name, (unsigned) segno,
			 slru_page_missing(s, pageno) ? "missing" : "too short",
			 (unsigned) multi);
}

/* The offsets entry of multi into *off; false when it cannot be read. */
static bool
read_offset(struct multixact *m, uint32_t multi, uint32_t asker,
			uint32_t *off, struct diags *ds)
{
	size_t		len;
	size_t		b = mxact_offset_byte_of(multi);
	const uint8_t *p = slru_page(m->offsets, mxact_offset_page_of(multi), &len);

	if (p == NULL || len < b + 4)
	{
		say_missing(m->offsets, "offsets", mxact_offset_page_of(multi), asker, ds);
		return false;
	}
	*off = rd32(p + b);
	return true;
}

enum mxact_result
multixact_members(struct multixact *m, const struct mxact_limits *lim,
				  uint32_t multi, struct mxact_member *out, size_t max,
				  size_t *n, struct diags *ds)
{
	uint32_t	offset,
				end,
				length,
				next = multi + 1;
	enum mxact_result r = MXACT_OK;

	*n = 0;
	if (multi == 0)
		return MXACT_NONE;
	if (lim != NULL && multi_precedes(multi, lim->oldest_multi))
		return MXACT_TOO_OLD;
	if (lim != NULL && !multi_precedes(multi, lim->next_multi))
	{
		if (ds)
			diag_add(ds, D_MULTIXACT, "multixact %u has not been created yet (next multixact %u)",
					 (unsigned) multi, (unsigned) lim->next_multi);
		return MXACT_FUTURE;
	}
	if (!read_offset(m, multi, multi, &offset, ds))
		return MXACT_UNKNOWN;
	if (offset == 0)
	{
		if (ds)
			diag_add(ds, D_MULTIXACT, "multixact %u has offset 0", (unsigned) multi);
		return MXACT_BAD;
	}
	/* the newest multixact ends where pg_control's next offset begins */
	if (lim != NULL && next == lim->next_multi)
		end = lim->next_offset;
	else
	{
		if (next == 0)			/* FirstMultiXactId after wraparound */
			next = 1;
		if (!read_offset(m, next, multi, &end, ds))
			return MXACT_UNKNOWN;
		if (end == 0)
		{
			if (ds)
				diag_add(ds, D_MULTIXACT, "multixact %u has invalid next offset (multixact %u: 0)",
						 (unsigned) multi, (unsigned) next);
			return MXACT_BAD;
		}
	}
	length = end - offset;		/* offsets wrap at 2^32: so does this */
	if (length == 0 || length > MXACT_MAX_MEMBERS)
	{
		if (ds)
			diag_add(ds, D_MULTIXACT, "multixact %u: offsets %u to %u give %u members (at most %u)",
					 (unsigned) multi, (unsigned) offset, (unsigned) end,
					 (unsigned) length, MXACT_MAX_MEMBERS);
		return MXACT_BAD;
	}
	for (uint32_t i = 0; i < length; i++, offset++)
	{
		uint32_t	pageno = mxact_member_page_of(offset);
		size_t		xb = mxact_member_xid_byte_of(offset);
		size_t		len;
		const uint8_t *p = slru_page(m->members, pageno, &len);
		uint32_t	xid;
		uint8_t		status;

		if (p == NULL || len < xb + 4)
		{
			say_missing(m->members, "members", pageno, multi, ds);
			return MXACT_UNKNOWN;
		}
		xid = rd32(p + xb);
		status = p[mxact_member_flag_byte_of(offset)];
		if (xid == 0)
		{
			/* slot 0, left unused when offsets wrapped: not a member */
			if (offset == 0)
				continue;
			if (ds && r == MXACT_OK)
				diag_add(ds, D_MULTIXACT, "multixact %u: member at offset %u has xid 0",
						 (unsigned) multi, (unsigned) offset);
			r = MXACT_BAD;
			continue;
		}
		if (mxact_status_name(status) == NULL)
		{
			if (ds && r == MXACT_OK)
				diag_add(ds, D_MULTIXACT, "multixact %u: member %u has status %u",
						 (unsigned) multi, (unsigned) xid, (unsigned) status);
			r = MXACT_BAD;
		}
		if (*n < max)
		{
			out[*n].xid = xid;
			out[*n].status = status;
		}
		(*n)++;
	}
	if (*n == 0)
	{
		if (ds && r == MXACT_OK)
			diag_add(ds, D_MULTIXACT, "multixact %u has no members", (unsigned) multi);
		r = MXACT_BAD;
	}
	return r;
}
