/* Shared includes for the cmocka unit tests (one test file per module). */
#ifndef PGOD_UNIT_H
#define PGOD_UNIT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#endif
