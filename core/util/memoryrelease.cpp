#include "util/memoryrelease.h"

#include <cstddef> // defines __GLIBC__ (through <features.h>) on glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace te {

void returnFreedMemoryPromptly()
{
#if defined(__GLIBC__)
    // Setting either one also turns off glibc's dynamic adjustment of both.
    constexpr int kThreshold = 1 << 20;
    mallopt(M_MMAP_THRESHOLD, kThreshold);
    mallopt(M_TRIM_THRESHOLD, kThreshold);
#endif
}

void releaseFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

} // namespace te
