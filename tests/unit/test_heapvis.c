/*
 * heapvis: a tuple's fate from hand-made headers and the logs' answers --
 * named cases (inserts, deletes, updates, locks, multixacts, prepared and
 * crashed transactions, unreadable logs), then every combination of the
 * hint bits with every status held to the rules one by one; heapchain:
 * update chains ordered; copyout: COPY's text and CSV escaping.
 */
#include "unit.h"

#include "heap/heapvis.h"

#define C XACT_COMMITTED
#define A XACT_ABORTED
#define P XACT_IN_PROGRESS
#define U XACT_UNKNOWN
#define N XACT_NONE

/* A tuple at (0,1): xmin 100, xmax as given, t_ctid (0,ctid_lp). */
static struct heap_tuple
tuple(uint16_t infomask, uint32_t xmax, uint16_t ctid_lp)
{
	struct heap_tuple t;

	memset(&t, 0, sizeof(t));
	t.status = HT_OK;
	t.xmin = 100;
	t.xmax = xmax;
	t.infomask = infomask;
	t.ctid_block = 0;
	t.ctid_offset = ctid_lp;
	return t;
}

static struct heapvis
judge(uint16_t infomask, uint32_t xmax, uint16_t ctid_lp, enum xact_word xmin_w,
	  enum xact_word xmax_w)
{
	struct heap_tuple t = tuple(infomask, xmax, ctid_lp);
	struct heapvis_in in = {xmin_w, xmax_w, 0, 1};
	struct heapvis v;

	heapvis_judge(&t, &in, &v);
	return v;
}

static void
test_named_cases(void **state)
{
	struct heapvis v;

	(void) state;
	/* a committed insert, hinted or not */
	v = judge(HEAP_XMIN_COMMITTED | HEAP_XMAX_INVALID, 0, 1, C, N);
	assert_true(v.visible && v.inserted && !v.deleted && v.xmax_kind == HVX_NONE);
	v = judge(HEAP_XMAX_INVALID, 0, 1, C, N);
	assert_true(v.visible && v.contradictions == 0);
	/* an aborted insert; one that never ended (recovered: aborted) */
	v = judge(HEAP_XMAX_INVALID, 0, 1, A, N);
	assert_true(!v.visible && v.aborted && !v.inserted);
	v = judge(HEAP_XMIN_INVALID | HEAP_XMAX_INVALID, 0, 1, A, N);
	assert_true(!v.visible && v.aborted && v.contradictions == 0);
	/* a prepared insert: in progress, not seen, not aborted */
	v = judge(0, 0, 1, P, N);
	assert_true(!v.visible && !v.aborted && !v.inserted);
	/* a committed delete, hinted or from the logs */
	v = judge(HEAP_XMIN_COMMITTED | HEAP_XMAX_COMMITTED, 200, 1, C, C);
	assert_true(!v.visible && v.deleted && v.xmax_kind == HVX_DELETE);
	v = judge(HEAP_XMIN_COMMITTED, 200, 1, C, C);
	assert_true(!v.visible && v.deleted && v.xmax_kind == HVX_DELETE);
	assert_string_equal(heapvis_xmax_kind_name(v.xmax_kind), "delete");
	/* an update: t_ctid elsewhere */
	v = judge(HEAP_XMIN_COMMITTED, 200, 7, C, C);
	assert_true(!v.visible && v.deleted && v.xmax_kind == HVX_UPDATE);
	assert_string_equal(heapvis_xmax_kind_name(v.xmax_kind), "update");
	/* an aborted delete, a prepared delete: still visible */
	v = judge(HEAP_XMIN_COMMITTED, 200, 1, C, A);
	assert_true(v.visible && !v.deleted && v.xmax_kind == HVX_DELETE);
	v = judge(HEAP_XMIN_COMMITTED, 200, 1, C, P);
	assert_true(v.visible && !v.deleted);
	/* a lock, committed or not, deletes nothing */
	v = judge(HEAP_XMIN_COMMITTED | HEAP_XMAX_LOCK_ONLY | HEAP_XMAX_EXCL_LOCK, 200, 1, C, C);
	assert_true(v.visible && v.xmax_kind == HVX_LOCK && v.contradictions == 0);
	/* pre-9.3 style: an exclusive lock without LOCK_ONLY is still only a lock */
	v = judge(HEAP_XMIN_COMMITTED | HEAP_XMAX_EXCL_LOCK, 200, 1, C, C);
	assert_true(v.visible && v.xmax_kind == HVX_LOCK);
	assert_string_equal(heapvis_xmax_kind_name(HVX_LOCK), "lock");
	assert_null(heapvis_xmax_kind_name(HVX_NONE));
	/* multixacts: lockers only; an updater that committed; one that aborted */
	v = judge(HEAP_XMIN_COMMITTED | HEAP_XMAX_IS_MULTI | HEAP_XMAX_LOCK_ONLY | HEAP_XMAX_SHR_LOCK, 5, 1, C, N);
	assert_true(v.visible && v.xmax_kind == HVX_LOCK);
	v = judge(HEAP_XMIN_COMMITTED | HEAP_XMAX_IS_MULTI, 5, 1, C, N);
	assert_true(v.visible && v.xmax_kind == HVX_LOCK);
	v = judge(HEAP_XMIN_COMMITTED | HEAP_XMAX_IS_MULTI, 5, 9, C, C);
	assert_true(!v.visible && v.deleted && v.xmax_kind == HVX_UPDATE);
	v = judge(HEAP_XMIN_COMMITTED | HEAP_XMAX_IS_MULTI, 5, 9, C, A);
	assert_true(v.visible && !v.deleted);
	/* frozen: committed whatever the logs say of an old xmin */
	v = judge(HEAP_XMIN_FROZEN | HEAP_XMAX_INVALID, 0, 1, U, N);
	assert_true(v.visible && !v.assumed && v.contradictions == 0);
	/* unreadable logs: taken as committed, and said */
	v = judge(0, 0, 1, U, N);
	assert_true(v.visible && v.assumed);
	v = judge(HEAP_XMIN_COMMITTED, 200, 1, C, U);
	assert_true(!v.visible && v.assumed && v.deleted);
	/* moved to another partition (11+): a delete here */
	{
		struct heap_tuple t = tuple(HEAP_XMIN_COMMITTED, 200, 0xFFFD);
		struct heapvis_in in = {C, C, 0, 1};

		t.ctid_block = 0xFFFFFFFFu;
		heapvis_judge(&t, &in, &v);
		assert_int_equal(v.xmax_kind, HVX_DELETE);
	}
}

static void
test_contradictions(void **state)
{
	struct heapvis v;

	(void) state;
	/* PostgreSQL believes the hint: seen, but the logs say aborted */
	v = judge(HEAP_XMIN_COMMITTED | HEAP_XMAX_INVALID, 0, 1, A, N);
	assert_true(v.visible);
	assert_int_equal(v.contradictions, HV_C_XMIN_COMMITTED);
	v = judge(HEAP_XMIN_INVALID | HEAP_XMAX_INVALID, 0, 1, C, N);
	assert_true(!v.visible);
	assert_int_equal(v.contradictions, HV_C_XMIN_INVALID);
	v = judge(HEAP_XMIN_COMMITTED | HEAP_XMAX_COMMITTED, 200, 1, C, A);
	assert_true(!v.visible);
	assert_int_equal(v.contradictions, HV_C_XMAX_COMMITTED);
	v = judge(HEAP_XMIN_COMMITTED | HEAP_XMAX_INVALID, 200, 1, C, C);
	assert_true(v.visible);
	assert_int_equal(v.contradictions, HV_C_XMAX_INVALID);
	/* not contradictions: a committed locker hinted invalid; frozen */
	v = judge(HEAP_XMIN_COMMITTED | HEAP_XMAX_INVALID | HEAP_XMAX_LOCK_ONLY | HEAP_XMAX_KEYSHR_LOCK, 200, 1, C, C);
	assert_int_equal(v.contradictions, 0);
	v = judge(HEAP_XMIN_FROZEN, 0, 1, C, N);
	assert_int_equal(v.contradictions, 0);
	/* several at once */
	v = judge(HEAP_XMIN_COMMITTED | HEAP_XMAX_COMMITTED, 200, 1, A, A);
	assert_int_equal(v.contradictions, HV_C_XMIN_COMMITTED | HV_C_XMAX_COMMITTED);
	for (unsigned b = 1; b <= 8; b <<= 1)
		assert_non_null(strstr(heapvis_contradiction_text(b), "HEAP_"));
}

/* Every hint combination with every status, held to the rules. */
static void
test_all_combinations(void **state)
{
	static const uint16_t xmin_hints[] = {0, HEAP_XMIN_COMMITTED, HEAP_XMIN_INVALID, HEAP_XMIN_FROZEN};
	static const uint16_t xmax_hints[] = {0, HEAP_XMAX_COMMITTED, HEAP_XMAX_INVALID};
	static const uint16_t kinds[] = {0, HEAP_XMAX_LOCK_ONLY | HEAP_XMAX_EXCL_LOCK, HEAP_XMAX_IS_MULTI};
	static const enum xact_word words[] = {C, A, P, U, N};
	int			n = 0;

	(void) state;
	for (size_t a = 0; a < 4; a++)
		for (size_t b = 0; b < 3; b++)
			for (size_t k = 0; k < 3; k++)
				for (size_t x = 0; x < 5; x++)
					for (size_t y = 0; y < 5; y++)
						for (uint16_t lp = 1; lp <= 2; lp++)
						{
							uint16_t	im = xmin_hints[a] | xmax_hints[b] | kinds[k];
							struct heap_tuple t = tuple(im, 200, lp);
							struct heapvis_in in = {words[x], words[y], 0, 1};
							struct heapvis v;
							bool		xmin_ok,
										upd,
										del;

							heapvis_judge(&t, &in, &v);
							n++;
							/* xmin: the hint wins, else the logs (unknown = committed) */
							xmin_ok = (im & HEAP_XMIN_COMMITTED) ? true :
								(im & HEAP_XMIN_INVALID) ? false : (words[x] == C || words[x] == U);
							assert_int_equal(v.inserted, xmin_ok);
							/* what xmax did */
							upd = !(kinds[k] & HEAP_XMAX_LOCK_ONLY) &&
								!((kinds[k] & HEAP_XMAX_IS_MULTI) && words[y] == N);
							if (!upd)
								assert_int_equal(v.xmax_kind, HVX_LOCK);
							else
								assert_int_equal(v.xmax_kind, lp == 1 ? HVX_DELETE : HVX_UPDATE);
							/* deleted: not hinted invalid, and committed by hint or logs */
							del = upd && !(im & HEAP_XMAX_INVALID) &&
								(((im & HEAP_XMAX_COMMITTED) && !(im & HEAP_XMAX_IS_MULTI)) ||
								 words[y] == C || words[y] == U);
							assert_int_equal(v.deleted, del);
							assert_int_equal(v.visible, xmin_ok && !del);
							/* the four contradictions, exactly */
							assert_int_equal((v.contradictions & HV_C_XMIN_COMMITTED) != 0,
											 (im & HEAP_XMIN_COMMITTED) && words[x] == A);
							assert_int_equal((v.contradictions & HV_C_XMIN_INVALID) != 0,
											 (im & HEAP_XMIN_FROZEN) == HEAP_XMIN_INVALID && words[x] == C);
							assert_int_equal((v.contradictions & HV_C_XMAX_COMMITTED) != 0,
											 (im & HEAP_XMAX_COMMITTED) && !(im & HEAP_XMAX_IS_MULTI) && words[y] == A);
							assert_int_equal((v.contradictions & HV_C_XMAX_INVALID) != 0,
											 (im & HEAP_XMAX_INVALID) && upd && words[y] == C);
							/* never seen: an aborted or prepared insert not hinted committed */
							if (!(im & HEAP_XMIN_COMMITTED) && (words[x] == A || words[x] == P))
								assert_false(v.visible);
						}
	assert_int_equal(n, 4 * 3 * 3 * 5 * 5 * 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_named_cases),
		cmocka_unit_test(test_contradictions),
		cmocka_unit_test(test_all_combinations),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
