#include "loadfeedback.h"

#include "load/loadprogresstext.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace te::cli {

namespace {

// Set by the signal handler: a lock-free atomic is async-signal-safe.
std::atomic<bool> g_interrupted { false };
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void onInterrupt(int /*signal*/)
{
    g_interrupted.store(true);
}

// A second past the start before the first draw, as DuckDB's shell waits: a load
// that ends sooner leaves no trace on the terminal. Then at most ten draws a second.
// TIMING_EXPLORER_PROGRESS_AFTER_MS sets another first delay, so that a test can see
// the line on a load that ends sooner.
constexpr qint64 kFirstDrawMs = 1000;
constexpr qint64 kRedrawMs = 100;

qint64 firstDrawMs()
{
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue("TIMING_EXPLORER_PROGRESS_AFTER_MS", &ok);
    return ok && ms >= 0 ? ms : kFirstDrawMs;
}

bool stderrIsTerminal()
{
    const char* term = std::getenv("TERM");
    return isatty(fileno(stderr)) == 1 && !(term && std::strcmp(term, "dumb") == 0);
}

} // namespace

LoadFeedback::LoadFeedback()
    : m_firstDrawMs(firstDrawMs())
    , m_terminal(stderrIsTerminal())
{
    g_interrupted.store(false);
    struct sigaction action = {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND; // the second Ctrl+C gets the default: the process ends
    sigaction(SIGINT, &action, &m_previous);
    m_clock.start();
}

LoadFeedback::~LoadFeedback()
{
    clear();
    sigaction(SIGINT, &m_previous, nullptr);
}

bool LoadFeedback::onProgress(const LoadProgress& progress)
{
    if (g_interrupted.load())
        return false;
    const qint64 now = m_clock.elapsed();
    if (!m_terminal || now < m_firstDrawMs || (m_lastDrawn >= 0 && now - m_lastDrawn < kRedrawMs))
        return true;
    const QByteArray line = loadProgressText(progress, static_cast<double>(now) / 1000.0).toUtf8();
    // \r back to the start, the line, then erase what a longer line left.
    std::fprintf(stderr, "\r%s\x1b[K", line.constData());
    std::fflush(stderr);
    m_lastDrawn = now;
    return true;
}

bool LoadFeedback::interrupted()
{
    return g_interrupted.load();
}

void LoadFeedback::clear()
{
    if (m_lastDrawn < 0)
        return;
    std::fputs("\r\x1b[K", stderr);
    std::fflush(stderr);
    m_lastDrawn = -1;
}

} // namespace te::cli
