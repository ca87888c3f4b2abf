/*
 * bench_loop: a bare C host loop over a sourcing plugin, the baseline for the managed host's
 * next_batch benchmark. It dlopens the plugin, inits it with "{}", opens it with the given
 * params and calls next_batch until EOF, touching every event. In "scap" mode it also does what
 * libscap does per event (plugin ID check/fill, thread id, timestamp check), like the host.
 *
 * usage: bench_loop <plugin.so> <open params> <rounds> [raw|scap]
 * prints: mode=<m> events=<n> seconds=<s> events_per_second=<r>
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "peregrine_plugin_api.h"

typedef ss_plugin_t* (*init_fn)(const ss_plugin_init_input*, ss_plugin_rc*);
typedef ss_instance_t* (*open_fn)(ss_plugin_t*, const char*, ss_plugin_rc*);
typedef void (*close_fn)(ss_plugin_t*, ss_instance_t*);
typedef ss_plugin_rc (*next_batch_fn)(ss_plugin_t*, ss_instance_t*, uint32_t*, ss_plugin_event***);
typedef void (*destroy_fn)(ss_plugin_t*);

static double now_seconds(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char** argv) {
	if(argc < 4) {
		fprintf(stderr, "usage: %s <plugin.so> <open params> <rounds> [raw|scap]\n", argv[0]);
		return 2;
	}
	int scap = argc > 4 && strcmp(argv[4], "scap") == 0;
	void* h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
	if(h == NULL) {
		fprintf(stderr, "dlopen: %s\n", dlerror());
		return 1;
	}
	init_fn init = (init_fn)dlsym(h, "plugin_init");
	open_fn open = (open_fn)dlsym(h, "plugin_open");
	close_fn close = (close_fn)dlsym(h, "plugin_close");
	next_batch_fn next = (next_batch_fn)dlsym(h, "plugin_next_batch");
	destroy_fn destroy = (destroy_fn)dlsym(h, "plugin_destroy");
	uint32_t (*get_id)(void) = (uint32_t(*)(void))dlsym(h, "plugin_get_id");
	uint32_t id = get_id ? get_id() : 0;

	ss_plugin_init_input in;
	memset(&in, 0, sizeof(in));
	in.config = "{\"log\":false}";
	ss_plugin_rc rc = SS_PLUGIN_FAILURE;
	ss_plugin_t* s = init(&in, &rc);
	if(rc != SS_PLUGIN_SUCCESS) {
		fprintf(stderr, "init failed\n");
		return 1;
	}

	long rounds = atol(argv[3]);
	uint64_t events = 0;
	uint64_t checksum = 0;
	double started = now_seconds();
	for(long r = 0; r < rounds; r++) {
		ss_instance_t* inst = open(s, argv[2], &rc);
		if(rc != SS_PLUGIN_SUCCESS) {
			fprintf(stderr, "open failed\n");
			return 1;
		}
		for(;;) {
			uint32_t n = 0;
			ss_plugin_event** evts = NULL;
			rc = next(s, inst, &n, &evts);
			for(uint32_t i = 0; i < n; i++) {
				uint8_t* e = (uint8_t*)evts[i];
				if(scap) {
					uint32_t pid;
					memcpy(&pid, e + 34, 4);
					if(evts[i]->type != 322 || evts[i]->nparams != 2 || (pid != 0 && pid != id)) {
						fprintf(stderr, "malformed event\n");
						return 1;
					}
					if(pid == 0) {
						memcpy(e + 34, &id, 4);
					}
					uint64_t tid = UINT64_MAX;
					memcpy(e + 8, &tid, 8);
					uint64_t ts;
					memcpy(&ts, e, 8);
					if(ts == UINT64_MAX) {
						ts = (uint64_t)time(NULL) * 1000000000ULL;
						memcpy(e, &ts, 8);
					}
				}
				checksum += evts[i]->len;
			}
			events += n;
			if(rc == SS_PLUGIN_EOF) {
				break;
			}
			if(rc != SS_PLUGIN_SUCCESS && rc != SS_PLUGIN_TIMEOUT) {
				fprintf(stderr, "next_batch failed: %d\n", rc);
				return 1;
			}
		}
		close(s, inst);
	}
	double elapsed = now_seconds() - started;
	destroy(s);
	printf("mode=%s events=%llu seconds=%.6f events_per_second=%.0f checksum=%llu\n", scap ? "scap" : "raw",
	       (unsigned long long)events, elapsed, (double)events / elapsed, (unsigned long long)checksum);
	return 0;
}
