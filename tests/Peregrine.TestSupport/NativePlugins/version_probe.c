/*
 * version_probe: not a plugin. Exposes the C library's sscanf("%u.%u.%u") so tests can check
 * that the host parses version strings exactly as libs does.
 */
#include <stdint.h>
#include <stdio.h>

#define FX_EXPORT __attribute__((visibility("default")))

FX_EXPORT int probe_version(const char* text, uint32_t* major, uint32_t* minor, uint32_t* patch) {
	return sscanf(text, "%u.%u.%u", major, minor, patch);
}
