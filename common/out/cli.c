/*
 * The conventions the five tools share: messages, exit status, option
 * parsing helpers.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "maps/mapfork.h"
#include "out/cli.h"

static const char *prog = "pgondisk";
static int	status = EXIT_CLEAN;

void
cli_init(const char *progname)
{
	const char *slash = strrchr(progname, '/');

	prog = slash ? slash + 1 : progname;
	status = EXIT_CLEAN;
}

const char *
cli_prog(void)
{
	return prog;
}

void
cli_usage_error(const char *fmt,...)
{
	va_list		ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry \"%s --help\" for more information.\n", prog);
	exit(EXIT_TROUBLE);
}

void
cli_try_help(void)
{
	fprintf(stderr, "Try \"%s --help\" for more information.\n", prog);
	exit(EXIT_TROUBLE);
}

void
cli_print_version(void)
{
	printf("%s (pgondisk) %s\n", prog, PGOD_VERSION);
	exit(fflush(stdout) == 0 && !ferror(stdout) ? EXIT_CLEAN : EXIT_TROUBLE);
}

void
cli_raise(int s)
{
	if (s > status)
		status = s;
}

void
cli_report(struct emit *e, const char *file, struct diags *ds)
{
	char		buf[512];
	int			i;

	if (ds->n == 0 && ds->dropped == 0)
	{
		diags_reset(ds);
		return;
	}
	if (e != NULL)
		emit_flush(e);
	for (i = 0; i < ds->n; i++)
	{
		diag_format(&ds->d[i], prog, file, buf, sizeof(buf));
		fprintf(stderr, "%s\n", buf);
	}
	if (ds->dropped > 0)
		fprintf(stderr, "%s: %s: %d more findings not shown\n", prog,
				file ? file : "-", ds->dropped);
	cli_raise((int) ds->worst);
	diags_reset(ds);
}

void
cli_emit_diags(struct emit *e, const struct diags *ds)
{
	char		buf[DIAG_DETAIL + 64];
	int			i;

	if (ds->n == 0 || emit_format_of(e) != EMIT_JSON)
		return;
	emit_arr_begin(e, "diagnostics", EF_NOTEXT);
	for (i = 0; i < ds->n; i++)
	{
		emit_obj_begin(e, NULL, 0);
		emit_str(e, "code", diag_name(ds->d[i].code), 0);
		emit_str(e, "severity", diag_severity_of(ds->d[i].code) == SEV_NOTICE ? "notice" :
				 diag_severity_of(ds->d[i].code) == SEV_DAMAGE ? "damage" : "error", 0);
		if (ds->d[i].has_blkno)
			emit_uint(e, "blkno", ds->d[i].blkno, 0);
		if (ds->d[i].has_lsn)
			emit_lsn(e, "lsn", ds->d[i].lsn, 0);
		if (ds->d[i].item)
			emit_uint(e, "item", ds->d[i].item, 0);
		diag_message(&ds->d[i], buf, sizeof(buf));
		emit_str(e, "message", buf, 0);
		emit_obj_end(e);
	}
	emit_arr_end(e);
}

void
cli_file_header(struct emit *e, const char *file)
{
	if (emit_format_of(e) != EMIT_TEXT)
		return;
	emit_flush(e);
	emit_begin(e);
	emit_text(e, "== ");
	emit_text(e, file);
	emit_end(e);
}

void
cli_write_failed(int err)
{
	fprintf(stderr, "%s: error writing standard output: %s\n", prog, strerror(err));
	exit(EXIT_TROUBLE);
}

struct emit *
cli_emit_open(bool json)
{
	struct emit *e = emit_open(json ? EMIT_JSON : EMIT_TEXT, stdout);

	if (e == NULL)
	{
		fprintf(stderr, "%s: out of memory\n", prog);
		exit(EXIT_TROUBLE);
	}
	emit_on_write_error(e, cli_write_failed);
	return e;
}

int
cli_finish(struct emit *e)
{
	int			err = emit_close(e);

	if (err != 0)
	{
		fprintf(stderr, "%s: error writing standard output: %s\n", prog, strerror(err));
		cli_raise(EXIT_TROUBLE);
	}
	return status;
}

int
cli_parse_int(const char *s, long min, long max, long *out)
{
	char	   *end;
	long		v;

	if (s == NULL || *s == '\0' || *s == '-' || *s == '+' || *s == ' ')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int
cli_parse_block_range(const char *s, uint32_t *from, uint32_t *to)
{
	const char *dash = strchr(s, '-');
	char		a[32];
	long		lo,
				hi;

	if (dash == NULL)
	{
		if (cli_parse_int(s, 0, UINT32_MAX - 1, &lo) != 0)
			return -1;
		*from = *to = (uint32_t) lo;
		return 0;
	}
	if ((size_t) (dash - s) >= sizeof(a))
		return -1;
	memcpy(a, s, (size_t) (dash - s));
	a[dash - s] = '\0';
	if (cli_parse_int(a, 0, UINT32_MAX - 1, &lo) != 0 ||
		cli_parse_int(dash + 1, 0, UINT32_MAX - 1, &hi) != 0 || hi < lo)
		return -1;
	*from = (uint32_t) lo;
	*to = (uint32_t) hi;
	return 0;
}

void
cli_maps_init(struct cli_maps *m, int argc)
{
	m->nheaps = 0;
	m->nmaps = 0;
	m->heaps = calloc((size_t) argc, sizeof(char *));
	m->maps = calloc((size_t) argc, sizeof(char *));
	if (m->heaps == NULL || m->maps == NULL)
	{
		fprintf(stderr, "%s: out of memory\n", cli_prog());
		exit(EXIT_TROUBLE);
	}
}

void
cli_maps_split(struct cli_maps *m, char **files, int n, const char *fork)
{
	if (n <= 0)
		cli_usage_error("no input files");
	m->nmaps = mapfork_split_inputs(files, n, m->heaps, &m->nheaps, m->maps);
	if (m->nmaps == 0)
		cli_usage_error("no %s file among the inputs", fork);
}

void
cli_maps_free(struct cli_maps *m)
{
	free(m->heaps);
	free(m->maps);
	m->heaps = NULL;
	m->maps = NULL;
}

int
cli_maps_run(struct cli_maps *m, char **files, int n, const char *fork,
			 bool json, void (*each) (struct emit *e, const char *map, const void *arg),
			 const void *arg)
{
	struct emit *e;

	cli_maps_split(m, files, n, fork);
	e = cli_emit_open(json);
	for (int i = 0; i < m->nmaps; i++)
		each(e, m->maps[i], arg);
	cli_maps_free(m);
	return cli_finish(e);
}
