// glibc's allocator settings (mallopt), which Swift's Glibc module does not export. Empty elsewhere.
#if defined(__GLIBC__) || (defined(__linux__) && __has_include(<malloc.h>))
#include <malloc.h>
#endif
