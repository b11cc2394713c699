/*
 * pgpage -D DIR: the whole cluster in one run, as pg_checksums --check
 * walks it, on --jobs worker processes, reported by name.
 *
 * The parent walks the data directory and reads the catalog; each file
 * is then an item, handed out round-robin to the workers (forked: they
 * inherit the walk and the names).  A worker writes each item's output
 * (records, messages, counts) as one frame to its own pipe, and the
 * parent reads the frames in item order, so the output is the same bytes
 * for any --jobs; a worker is at most a pipe's worth ahead.  Memory per
 * worker: one file's findings.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "out/cli.h"
#include "page/page.h"
#include "pgpage_cluster.h"

#define MAX_JOBS 256

/* One item's frame on a worker's pipe: this, then out and err bytes. */
struct frame {
	size_t		item;
	size_t		outlen;
	size_t		errlen;
	struct scan_stats st;
};

struct run {
	struct cluster_opts *o;
	struct scan_ctx ctx;
	struct cluster_walk *w;
	struct cluster_names *names;
	struct scan_item *items;	/* files and pieces of them, in order */
	size_t		nitems;
	bool	   *selected;		/* per relation */
	struct emit *e;
	struct scan_stats total;
	struct scan_stats relst;	/* the current relation's */
	uint64_t	relations;
	uint64_t	damaged_relations;
	uint32_t	chunk;			/* blocks per piece of a large file */
	uint64_t	bytes;			/* the selected files' sizes: progress's total */
	time_t		last_progress;
	bool		progress;
};

void
cluster_opts_pattern(struct cluster_opts *o, int kind, const char *s)
{
	struct relpattern *p = realloc(o->pat[kind], (size_t) (o->npat[kind] + 1) * sizeof(*p));

	if (p == NULL)
		cli_usage_error("out of memory");
	o->pat[kind] = p;
	if (relpattern_parse(s, &p[o->npat[kind]]) != 0 ||
		((kind == PAT_DB || kind == PAT_XDB) && p[o->npat[kind]].nparts != 1))
		cli_usage_error("invalid pattern \"%s\"", s);
	o->npat[kind]++;
}

static bool
any_match(const struct cluster_opts *o, int kind, const char *db, const char *nsp,
		  const char *rel)
{
	int			i;

	for (i = 0; i < o->npat[kind]; i++)
		if (kind == PAT_DB || kind == PAT_XDB ? relpattern_match_db(&o->pat[kind][i], db) :
			relpattern_match(&o->pat[kind][i], db, nsp, rel))
			return true;
	return false;
}

/* pg_amcheck's selection: databases, then tables and indexes, then exclusions. */
static bool
selected(const struct run *r, size_t i)
{
	const struct cluster_opts *o = r->o;
	const struct cw_rel *wr = &r->w->rels[i];
	const struct cn_rel *n = r->names ? &r->names->rels[i] : NULL;
	char		oid[16];
	const char *db = NULL,
			   *nsp = NULL,
			   *rel = NULL;
	bool		index = false;

	snprintf(oid, sizeof(oid), "%u", (unsigned) wr->dboid);
	db = n && n->db_named ? n->datname : oid;
	if (n && n->named)
	{
		nsp = n->nspname;
		rel = n->relname;
		index = n->relkind == 'i';
	}
	if (wr->dboid == 0)
	{
		/* global/: shared by every database, chosen only when none is named */
		if (o->npat[PAT_DB] > 0)
			return false;
	}
	else if ((o->npat[PAT_DB] > 0 && !any_match(o, PAT_DB, db, NULL, NULL)) ||
			 any_match(o, PAT_XDB, db, NULL, NULL))
		return false;
	if (o->npat[PAT_TABLE] + o->npat[PAT_INDEX] > 0 &&
		!(index ? any_match(o, PAT_INDEX, db, nsp, rel) : any_match(o, PAT_TABLE, db, nsp, rel)))
		return false;
	return !(index ? any_match(o, PAT_XINDEX, db, nsp, rel) : any_match(o, PAT_XTABLE, db, nsp, rel));
}

/* Findings of the walk or the catalog, rel CW_CLUSTER or one relation. */
static void
say_findings(struct run *r, const struct cw_finding *f, size_t n, size_t rel)
{
	struct diags ds;
	char		label[512];
	size_t		i;

	for (i = 0; i < n; i++)
	{
		if (f[i].rel != rel)
			continue;
		diags_reset(&ds);
		ds.d[0] = f[i].d;
		ds.n = 1;
		ds.worst = diag_severity_of(f[i].d.code);
		if (rel != CW_CLUSTER)
			scan_label(&r->ctx, rel, f[i].file ? f[i].file : "", label, sizeof(label));
		else
			snprintf(label, sizeof(label), "%s", f[i].file ? f[i].file : r->w->pgdata);
		if (emit_format_of(r->e) == EMIT_JSON)
		{
			emit_begin(r->e);
			emit_str(r->e, "file", f[i].file ? f[i].file : "", 0);
			if (rel != CW_CLUSTER)
				scan_emit_names(r->e, &r->ctx, rel);
			cli_emit_diags(r->e, &ds);
			emit_end(r->e);
		}
		emit_flush(r->e);
		scan_report(stderr, label, &ds, rel == CW_CLUSTER ? &r->total : &r->relst);
	}
}

/* A relation's record: with -s always, else only with damage. */
static void
relation_done(struct run *r, size_t rel)
{
	const struct scan_stats *s = &r->relst;
	const struct cn_rel *n = r->names ? &r->names->rels[rel] : NULL;
	const struct cw_rel *wr = &r->w->rels[rel];
	char		name[256];
	char		path[4096];
	char	   *slash;
	struct emit *e = r->e;

	r->relations++;
	if (s->worst >= SEV_DAMAGE)
		r->damaged_relations++;
	r->total.files += s->files;
	r->total.blocks += s->blocks;
	r->total.bytes += s->bytes;
	r->total.bad_checksums += s->bad_checksums;
	r->total.damaged_blocks += s->damaged_blocks;
	r->total.damage += s->damage;
	r->total.notices += s->notices;
	if (s->worst > r->total.worst)
		r->total.worst = s->worst;
	if (r->o->summary || s->worst >= SEV_DAMAGE)
	{
		if (n && n->named)
			snprintf(name, sizeof(name), "%s %s.%s", n->db_named ? n->datname : "-",
					 n->nspname, n->relname);
		else
			snprintf(name, sizeof(name), "- -");
		emit_begin(e);
		emit_str(e, "kind", "relation", EF_NOTEXT);
		emit_str(e, "name", name, EF_NOJSON | EF_BARE);
		scan_emit_names(e, &r->ctx, rel);
		/* as pg_relation_filepath() prints it: the directory and the file number */
		snprintf(path, sizeof(path), "%s", r->w->files[wr->first].path);
		if ((slash = strrchr(path, '/')) != NULL)
			snprintf(slash + 1, sizeof(path) - (size_t) (slash + 1 - path), "%u",
					 (unsigned) wr->relfilenode);
		emit_str(e, "filepath", path, EF_BARE);
		emit_uint(e, "files", s->files, 0);
		emit_uint(e, "blocks", s->blocks, 0);
		if (r->ctx.verify)
			emit_uint(e, "bad_checksums", s->bad_checksums, 0);
		else
			emit_null(e, "bad_checksums", EF_NOTEXT);
		emit_uint(e, "damaged_blocks", s->damaged_blocks, 0);
		emit_uint(e, "findings", s->damage, 0);
		emit_uint(e, "notices", s->notices, 0);
		emit_end(e);
	}
	memset(&r->relst, 0, sizeof(r->relst));
}

/* pg_checksums' progress line: "N/M MB (P%) computed", at most once a second. */
static void
progress(struct run *r, bool finished)
{
	time_t		now = time(NULL);
	uint64_t	done = r->total.bytes + r->relst.bytes;
	uint64_t	all = r->bytes;

	if (!r->progress || (now == r->last_progress && !finished))
		return;
	r->last_progress = now;
	if (done > all)
		all = done;
	fprintf(stderr, "%llu/%llu MB (%d%%) computed%c",
			(unsigned long long) (done / (1024 * 1024)),
			(unsigned long long) (all / (1024 * 1024)),
			all ? (int) (done * 100 / all) : 0,
			!finished && isatty(fileno(stderr)) ? '\r' : '\n');
}

/*
 * Whether a file may be read in pieces: a plain file (a gzip'd one's
 * size says nothing of its blocks), and with --check not a B-tree's
 * segment 0, whose walk needs all of it in one place.
 */
static bool
divisible(const struct run *r, size_t rel, const struct cw_file *f)
{
	const struct cn_rel *n = r->names ? &r->names->rels[rel] : NULL;

	if (f->gz || f->size / BLCKSZ <= r->chunk)
		return false;
	return !r->o->check || f->fork != FORK_MAIN || f->segno != 0 ||
		(n != NULL && n->named && n->relkind != 'i');
}

/* The selected relations' files, large ones in pieces. */
static void
make_items(struct run *r)
{
	size_t		i,
				j,
				cap = r->w->nfiles + 1;

	if ((r->items = malloc(cap * sizeof(*r->items))) == NULL)
		cli_usage_error("out of memory");
	for (i = 0; i < r->w->nrels; i++)
	{
		if (!selected(r, i))
			continue;
		for (j = r->w->rels[i].first; j < r->w->rels[i].first + r->w->rels[i].nfiles; j++)
		{
			const struct cw_file *f = &r->w->files[j];
			uint32_t	first = f->segno * RELSEG_SIZE;
			uint64_t	nblocks = f->size / BLCKSZ;
			bool		div = divisible(r, i, f);
			uint32_t	b;

			r->bytes += f->size;
			for (b = 0;; b += r->chunk)
			{
				struct scan_item *it;

				if (r->nitems == cap)
				{
					cap *= 2;
					if ((it = realloc(r->items, cap * sizeof(*it))) == NULL)
						cli_usage_error("out of memory");
					r->items = it;
				}
				it = &r->items[r->nitems++];
				it->rel = i;
				it->file = j;
				it->from = first + b;
				it->to = div && b + r->chunk < nblocks ? first + b + r->chunk - 1 : UINT32_MAX;
				if (it->to == UINT32_MAX)
					break;
			}
		}
	}
}

/* One item into a frame: the records and messages of one file. */
static int
make_frame(struct run *r, size_t item, struct frame *fr, char **out, char **err)
{
	FILE	   *fo,
			   *fe;
	struct emit *e;

	memset(fr, 0, sizeof(*fr));
	fr->item = item;
	*out = *err = NULL;
	if ((fo = open_memstream(out, &fr->outlen)) == NULL)
		return -1;
	if ((fe = open_memstream(err, &fr->errlen)) == NULL)
	{
		fclose(fo);
		return -1;
	}
	if ((e = emit_open(r->o->json ? EMIT_JSON : EMIT_TEXT, fo)) == NULL)
		return -1;
	scan_file(&r->ctx, &r->items[item], e, fe, &fr->st);
	emit_close(e);
	fclose(fo);
	fclose(fe);
	return 0;
}

static int
write_all(int fd, const void *p, size_t n)
{
	const char *c = p;

	while (n > 0)
	{
		ssize_t		k = write(fd, c, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		c += k;
		n -= (size_t) k;
	}
	return 0;
}

static int
read_all(int fd, void *p, size_t n)
{
	char	   *c = p;

	while (n > 0)
	{
		ssize_t		k = read(fd, c, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		c += k;
		n -= (size_t) k;
	}
	return 0;
}

/* A frame in order: its relation's findings first, its records, its counts. */
static void
take_frame(struct run *r, const struct frame *fr, const char *out, const char *err)
{
	size_t		rel = r->items[fr->item].rel;

	if (fr->item == 0 || r->items[fr->item - 1].rel != rel)
	{
		say_findings(r, r->w->findings, r->w->nfindings, rel);
		if (r->names)
			say_findings(r, r->names->findings, r->names->nfindings, rel);
	}
	if (fr->outlen > 0)
		emit_raw(r->e, out, fr->outlen);
	if (fr->errlen > 0)
	{
		emit_flush(r->e);
		fwrite(err, 1, fr->errlen, stderr);
	}
	r->relst.files += fr->st.files;
	r->relst.blocks += fr->st.blocks;
	r->relst.bytes += fr->st.bytes;
	r->relst.bad_checksums += fr->st.bad_checksums;
	r->relst.damaged_blocks += fr->st.damaged_blocks;
	r->relst.damage += fr->st.damage;
	r->relst.notices += fr->st.notices;
	if (fr->st.worst > r->relst.worst)
		r->relst.worst = fr->st.worst;
	if (fr->item + 1 == r->nitems || r->items[fr->item + 1].rel != rel)
		relation_done(r, rel);
	progress(r, false);
}

static void
worker(struct run *r, int k, int jobs, int fd)
{
	size_t		i;

	for (i = (size_t) k; i < r->nitems; i += (size_t) jobs)
	{
		struct frame fr;
		char	   *out,
				   *err;

		if (make_frame(r, i, &fr, &out, &err) != 0 ||
			write_all(fd, &fr, sizeof(fr)) != 0 || write_all(fd, out, fr.outlen) != 0 ||
			write_all(fd, err, fr.errlen) != 0)
			_exit(EXIT_TROUBLE);
		free(out);
		free(err);
	}
	close(fd);
	clog_close(r->ctx.clog);
	_exit(0);
}

/* The items in order, by jobs workers (1: in this process). */
static int
run_items(struct run *r, int jobs)
{
	int			fds[MAX_JOBS];
	pid_t		pids[MAX_JOBS];
	size_t		i;
	int			k,
				bad = 0;

	if (jobs <= 1 || r->nitems <= 1)
	{
		for (i = 0; i < r->nitems; i++)
		{
			struct frame fr;
			char	   *out,
					   *err;

			if (make_frame(r, i, &fr, &out, &err) != 0)
				return -1;
			take_frame(r, &fr, out, err);
			free(out);
			free(err);
		}
		return 0;
	}
	if ((size_t) jobs > r->nitems)
		jobs = (int) r->nitems;
	emit_flush(r->e);
	fflush(stderr);
	for (k = 0; k < jobs; k++)
	{
		int			p[2];

		if (pipe(p) != 0 || (pids[k] = fork()) < 0)
			return -1;
		if (pids[k] == 0)
		{
			int			j;

			close(p[0]);
			for (j = 0; j < k; j++)
				close(fds[j]);
			worker(r, k, jobs, p[1]);
		}
		close(p[1]);
		fds[k] = p[0];
	}
	for (i = 0; i < r->nitems && !bad; i++)
	{
		struct frame fr;
		char	   *out = NULL,
				   *err = NULL;
		int			fd = fds[i % (size_t) jobs];

		if (read_all(fd, &fr, sizeof(fr)) != 0 || fr.item != i ||
			(out = malloc(fr.outlen + 1)) == NULL || (err = malloc(fr.errlen + 1)) == NULL ||
			read_all(fd, out, fr.outlen) != 0 || read_all(fd, err, fr.errlen) != 0)
			bad = 1;
		else
			take_frame(r, &fr, out, err);
		free(out);
		free(err);
	}
	for (k = 0; k < jobs; k++)
	{
		int			st;

		close(fds[k]);
		if (bad)
			kill(pids[k], SIGTERM);
		if (waitpid(pids[k], &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
			bad = 1;
	}
	return bad ? -1 : 0;
}

/* pg_checksums' last lines, and the damage added up. */
static void
totals(struct run *r)
{
	struct emit *e = r->e;
	const struct scan_stats *t = &r->total;
	char		line[128];

	emit_begin(e);
	emit_str(e, "kind", "totals", EF_NOTEXT);
	if (emit_format_of(e) == EMIT_TEXT)
	{
		snprintf(line, sizeof(line), "Files scanned:   %llu\nBlocks scanned:  %llu\n",
				 (unsigned long long) t->files, (unsigned long long) t->blocks);
		emit_text(e, line);
		if (r->ctx.verify)
		{
			snprintf(line, sizeof(line), "Bad checksums:  %llu\n", (unsigned long long) t->bad_checksums);
			emit_text(e, line);
		}
		if (r->w->have_control)
		{
			snprintf(line, sizeof(line), "Data checksum version: %u\n",
					 (unsigned) r->w->control.data_checksum_version);
			emit_text(e, line);
		}
		snprintf(line, sizeof(line), "Relations:       %llu, %llu with damage",
				 (unsigned long long) r->relations, (unsigned long long) r->damaged_relations);
		emit_text(e, line);
	}
	emit_uint(e, "files_scanned", t->files, EF_NOTEXT);
	emit_uint(e, "blocks_scanned", t->blocks, EF_NOTEXT);
	if (r->ctx.verify)
		emit_uint(e, "bad_checksums", t->bad_checksums, EF_NOTEXT);
	else
		emit_null(e, "bad_checksums", EF_NOTEXT);
	if (r->w->have_control)
		emit_uint(e, "data_checksum_version", r->w->control.data_checksum_version, EF_NOTEXT);
	else
		emit_null(e, "data_checksum_version", EF_NOTEXT);
	emit_uint(e, "relations", r->relations, EF_NOTEXT);
	emit_uint(e, "damaged_relations", r->damaged_relations, EF_NOTEXT);
	emit_uint(e, "damaged_blocks", t->damaged_blocks, EF_NOTEXT);
	emit_uint(e, "findings", t->damage, EF_NOTEXT);
	emit_uint(e, "notices", t->notices, EF_NOTEXT);
	emit_end(e);
}

int
pgpage_cluster(struct cluster_opts *o)
{
	struct run	r;
	const char *err = NULL;
	int			jobs = o->jobs;
	long		chunk;
	int			k;

	memset(&r, 0, sizeof(r));
	r.o = o;
	r.e = cli_emit_open(o->json);
	if ((r.w = cluster_walk_open(o->pgdata, &err)) == NULL)
	{
		fprintf(stderr, "%s: %s: %s\n", cli_prog(), o->pgdata, err);
		cli_raise(EXIT_TROUBLE);
		return cli_finish(r.e);
	}
	r.names = cluster_names_load(r.w);
	r.ctx.w = r.w;
	r.ctx.names = r.names;
	r.ctx.prof = o->profile ? o->profile : r.w->profile ? r.w->profile :
		pg_profile_by_major(PG_MAJOR_MAX);
	r.ctx.json = o->json;
	r.ctx.check = o->check;
	r.ctx.strict = o->strict;
	r.ctx.verify = o->verify;
	if (o->verify && !o->force_verify && r.w->have_control &&
		r.w->control.data_checksum_version == 0)
	{
		struct diags ds;

		r.ctx.verify = false;
		r.ctx.checksums_off = true;
		diags_reset(&ds);
		diag_add(&ds, D_CHECKSUMS_DISABLED, "data_checksum_version 0; --force-verify verifies anyway");
		scan_report(stderr, "global/pg_control", &ds, &r.total);
	}
	r.progress = o->progress > 0 || (o->progress < 0 && isatty(STDERR_FILENO));
	say_findings(&r, r.w->findings, r.w->nfindings, CW_CLUSTER);
	if (r.names)
		say_findings(&r, r.names->findings, r.names->nfindings, CW_CLUSTER);
	/* the tests make pieces of small files to prove they change nothing */
	r.chunk = SCAN_CHUNK;
	if (getenv("PGPAGE_CHUNK_BLOCKS") != NULL &&
		cli_parse_int(getenv("PGPAGE_CHUNK_BLOCKS"), 1, RELSEG_SIZE, &chunk) == 0)
		r.chunk = (uint32_t) chunk;
	make_items(&r);
	if (jobs <= 0)
	{
		long		n = sysconf(_SC_NPROCESSORS_ONLN);

		jobs = n > 0 ? (int) n : 1;
	}
	if (jobs > MAX_JOBS)
		jobs = MAX_JOBS;
	if (run_items(&r, jobs) != 0)
	{
		fprintf(stderr, "%s: %s: a worker failed (%s)\n", cli_prog(), o->pgdata,
				errno ? strerror(errno) : "exited early");
		r.total.worst = EXIT_TROUBLE;
	}
	progress(&r, true);
	totals(&r);
	cli_raise(r.total.worst);
	clog_close(r.ctx.clog);
	free(r.items);
	cluster_names_free(r.names);
	cluster_walk_free(r.w);
	for (k = 0; k < 6; k++)
		free(o->pat[k]);
	return cli_finish(r.e);
}
