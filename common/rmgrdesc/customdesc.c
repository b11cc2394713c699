/*
 * Custom resource managers (ids 128..255, 15+).  Their module is not
 * loaded here, so we do what pg_waldump's GetRmgrDesc() (rmgrdesc.c of
 * 15..18) does for them: the name "custom###" (the three-digit id), no
 * record type names (rm_identify gives NULL: "UNKNOWN (%x)") and the
 * description "rmid: %d".  Before 15 there are none: ids past the 22
 * built-in ones are invalid, as are 22..127 from 15 on.
 */
#include <stdio.h>

#include "rmgrdesc/rmgrdesc_int.h"

#define RM_MIN_CUSTOM_ID 128

bool
rmgr_is_custom(int major, uint8_t rmid)
{
	return major >= 15 && major <= 18 && rmid >= RM_MIN_CUSTOM_ID;
}

const char *
rmgr_custom_name(int major, uint8_t rmid, char *buf, size_t size)
{
	if (!rmgr_is_custom(major, rmid) || size < 10)
		return NULL;
	snprintf(buf, size, "custom%03d", (int) rmid);
	return buf;
}

bool
rmgr_desc_custom(struct strbuf *sb, int major, const struct walrec *r)
{
	if (!rmgr_is_custom(major, r->rmid))
		return false;
	sb_printf(sb, "rmid: %d", (int) r->rmid);
	return true;
}
