/*
 * pgbtree: B-tree index files, read from disk with no server.
 *
 * Only the command-line skeleton exists yet: the decoding is the subject
 * of its own issue, and until it lands the tool says so instead of
 * printing anything it cannot stand behind.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

static void usage(void) __attribute__((noreturn));

static void
usage(void)
{
	printf("%s reads B-tree index files of PostgreSQL 10 to 18, with no server.\n\n"
		   "Usage:\n"
		   "  %s [OPTION]... FILE...\n\n"
		   "Options:\n"
		   "  -V, --version        print the version and exit\n"
		   "  -h, --help           print this help and exit\n\n"
		   "Decoding is not built yet: every FILE is refused with exit status 2.\n\n"
		   "Exit status: 0 clean, 1 damage found, 2 usage or I/O error.\n",
		   cli_prog(), cli_prog());
	exit(EXIT_CLEAN);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"version", no_argument, NULL, 'V'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	int			c;

	cli_init(argv[0]);
	while ((c = getopt_long(argc, argv, "Vh", longopts, NULL)) != -1)
	{
		switch (c)
		{
			case 'V':
				cli_print_version();
			case 'h':
				usage();
			default:
				cli_try_help();
		}
	}
	if (optind >= argc)
		cli_usage_error("no input files");
	fprintf(stderr, "%s: %s: decoding is not built yet\n", cli_prog(), argv[optind]);
	return EXIT_TROUBLE;
}
