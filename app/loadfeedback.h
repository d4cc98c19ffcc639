#pragma once

#include "load/timingloader.h"

#include <QElapsedTimer>
#include <csignal>

namespace te::cli {

/// What a command shows and takes while it loads its inputs, for as long as this
/// object lives:
///  - Ctrl+C cancels the load: the command then stops before it writes any output
///    (a second Ctrl+C kills it at once, for a reader that checks seldom);
///  - when stderr is a terminal and the load takes over a second, one progress line
///    on stderr (loadProgressText), redrawn in place and cleared at the end.
/// Nothing is printed when stderr is not a terminal.
class LoadFeedback
{
public:
    LoadFeedback();
    ~LoadFeedback();
    LoadFeedback(const LoadFeedback&) = delete;
    LoadFeedback& operator=(const LoadFeedback&) = delete;

    /// For LoadOptions::progress: draws the line, and says false once interrupted.
    bool onProgress(const LoadProgress& progress);
    /// True once Ctrl+C was pressed during the load.
    static bool interrupted();
    /// Clears the line, if one was drawn.
    void clear();

private:
    QElapsedTimer m_clock;
    qint64 m_firstDrawMs;
    qint64 m_lastDrawn = -1; ///< ms on m_clock of the last draw; -1: none yet
    bool m_terminal = false;
    struct sigaction m_previous = {};
};

} // namespace te::cli
