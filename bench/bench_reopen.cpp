// Reports whether the window gives memory back when a big file is closed: one
// process opens FILE in the real window (MainWindow + LoadController; run it with
// QT_QPA_PLATFORM=offscreen without a display), then "closes" it by opening the
// bundled sample instead, ten times over, and prints the resident memory after
// each open and each close.
//
// Like the app's main, it first calls te::returnFreedMemoryPromptly(). Exits 1 when
// the last close leaves more than 10 % above the first close's resident memory
// (the target), 0 otherwise. It is a benchmark, not a test.
// Usage: bench_reopen FILE [--cycles N] [--charts] [--malloc-defaults]
//   --charts           shows the Charts tab while FILE is open, so its charts are built too;
//   --malloc-defaults  leaves glibc's malloc as it is, to see what the call above changes.
#include "ui/charts/chartsview.h"
#include "ui/shell/loadcontroller.h"
#include "ui/shell/mainwindow.h"
#include "util/memoryrelease.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTabWidget>
#include <QThreadPool>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace {

double residentMiB()
{
    std::ifstream statm("/proc/self/statm");
    long long size = 0;
    long long resident = 0;
    statm >> size >> resident;
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

double peakMiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0; // kB
    }
    return 0;
}

// Lets background work finish (a chart or an A/B comparison still computing holds
// the data it started with), then deferred deletions and queued signals run, as
// the event loop would between user actions.
void settle()
{
    QThreadPool::globalInstance()->waitForDone();
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
}

// Opens `files` (the bundled sample when empty) the way File > Open does; returns seconds until shown.
double openAndWait(te::MainWindow& window, const QStringList& files)
{
    QSignalSpy loaded(window.loader(), &te::LoadController::loaded);
    QElapsedTimer timer;
    timer.start();
    window.openFiles(files);
    if (!loaded.wait(600000)) {
        std::fprintf(stderr, "the window did not finish loading within 10 minutes\n");
        std::exit(2);
    }
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    settle();
    return seconds;
}

} // namespace

int main(int argc, char* argv[])
{
    bool mallocDefaults = false;
    for (int i = 1; i < argc; ++i)
        mallocDefaults = mallocDefaults || std::string_view(argv[i]) == "--malloc-defaults";
    if (!mallocDefaults)
        te::returnFreedMemoryPromptly(); // as app/main.cpp does before it opens the window
    QApplication app(argc, argv);
    // The offscreen platform warns about every window it shows; nothing to do with memory.
    static const QtMessageHandler previous = qInstallMessageHandler(nullptr);
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext& context, const QString& message) {
        if (previous && !message.contains(QLatin1String("propagateSizeHints")))
            previous(type, context, message);
    });
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_reopen FILE [--cycles N] [--charts] [--malloc-defaults]\n");
        return 2;
    }
    const QString& path = args[1];
    const qsizetype cyclesAt = args.indexOf(QStringLiteral("--cycles"));
    const int cycles
        = cyclesAt > 0 && cyclesAt + 1 < args.size() ? std::max(1, args[cyclesAt + 1].toInt()) : 10;
    const bool charts = args.contains(QStringLiteral("--charts"));
    // Own settings, so the user's window state (last tab, recent files) is neither used nor changed.
    QCoreApplication::setOrganizationName(QStringLiteral("TimingExplorerBench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_reopen"));

    te::MainWindow window;
    window.show();
    window.tabs()->setCurrentIndex(0);
    settle();
    std::printf("empty window       RSS %7.1f MiB\n", residentMiB());
    openAndWait(window, {}); // the state a close returns to: the bundled sample
    std::printf("bundled sample     RSS %7.1f MiB\n", residentMiB());

    double firstClose = 0;
    double lastClose = 0;
    double worstClose = 0;
    for (int cycle = 1; cycle <= cycles; ++cycle) {
        const double openSeconds = openAndWait(window, { path });
        const auto runs = window.currentData()->dataset->runCount();
        if (charts) {
            window.tabs()->setCurrentWidget(window.chartsView());
            settle();
        }
        const double open = residentMiB();
        if (charts)
            window.tabs()->setCurrentIndex(0);
        const double closeSeconds = openAndWait(window, {});
        const double closed = residentMiB();
        if (cycle == 1)
            firstClose = closed;
        lastClose = closed;
        worstClose = std::max(worstClose, closed);
        std::printf("cycle %2d  open %u runs in %5.2f s, RSS %7.1f MiB   close in %4.2f s, RSS %7.1f MiB  "
                    "(%.3f of the first close)\n",
            cycle, runs, openSeconds, open, closeSeconds, closed, closed / firstClose);
        std::fflush(stdout);
    }
    const double ratio = lastClose / firstClose;
    std::printf(
        "peak RSS %.1f MiB; close %d / close 1 = %.3f (target <= 1.10): %s; highest close / close 1 = %.3f\n",
        peakMiB(), cycles, ratio, ratio <= 1.10 ? "met" : "NOT met", worstClose / firstClose);
    return ratio <= 1.10 ? 0 : 1;
}
