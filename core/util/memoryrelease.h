#pragma once

namespace te {

/// Makes freed memory go back to the operating system promptly, for a process
/// that opens and closes big files over and over (the window).
///
/// glibc's malloc raises its mmap threshold (up to 32 MiB) and its trim threshold
/// (up to 64 MiB) each time a big block is freed. After the first file is closed,
/// the next file's columns therefore come from malloc's arenas, which keep what
/// is freed: resident memory after closing a 1M-run file wandered between 1x and
/// 6x the first close's over ten reopens (bench/bench_reopen). Fixed thresholds
/// of 1 MiB keep big blocks mmapped, so they are unmapped when freed, and let the
/// arenas the loader's threads allocate from shrink. Costs about 5 % more CPU
/// time in a load (page faults) and lowers its peak.
///
/// Call once, early in main, before threads start. Does nothing on other C
/// libraries. The command-line tools, which load once and exit, do not need it.
void returnFreedMemoryPromptly();

/// Gives the operating system back the free memory malloc still holds between
/// live blocks, which no threshold releases. Takes 1-7 ms after a 1M-run file.
void releaseFreedMemory();

} // namespace te
