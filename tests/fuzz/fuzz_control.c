/*
 * libFuzzer target: global/pg_control (cluster/control.c, after each
 * major's catalog/pg_control.h): the version fields find the layout of
 * 10..18, the fields are decoded with it and the CRC-32C checked.
 *
 * Input: the file's bytes (an exact-size copy: a read past them is an
 * ASan finding).  Seeds are the pg_control of every fixture major.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/control.h"
#include "cluster/version.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct pg_control c;
	struct diags ds;
	uint8_t    *buf = malloc(size ? size : 1);

	if (buf == NULL)
		abort();
	memcpy(buf, data, size);
	diags_reset(&ds);
	if (control_decode(buf, size, &c, &ds) == 0 && c.profile != NULL)
		(void) pg_profile_by_control(c.pg_control_version, c.catalog_version_no);
	free(buf);
	return 0;
}
