#include "util/memoryrelease.h"
#include "ui/widgets/appearance.h"
#include "chartcommand.h"
#include "comparecommand.h"
#include "convertcommand.h"
#include "ui/shell/mainwindow.h"
#include "statscommand.h"
#include "summarycommand.h"
#include "validatecommand.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>
#include <QTextStream>
#include <cstdio>
#include <functional>
#include <map>

namespace {

using Command = std::function<int(const QStringList&)>;

const std::map<QString, Command>& commands()
{
    static const std::map<QString, Command> table {
        { QStringLiteral("stats"), te::cli::runStats },
        { QStringLiteral("validate"), te::cli::runValidate },
        { QStringLiteral("compare"), te::cli::runCompare },
        { QStringLiteral("summary"), te::cli::runSummary },
        { QStringLiteral("convert"), te::cli::runConvert },
    };
    return table;
}

void printUsage(QTextStream& out)
{
    out << "Timing Explorer " << TIMING_EXPLORER_VERSION
        << " - explore, compare and export pipeline timings\n\n"
        << "Usage:\n"
        << "  timing-explorer [FILE...]             open the explorer window (the bundled sample without "
           "files)\n"
        << "  timing-explorer stats FILE...         group statistics (--group-by, --metric, --filter, "
           "--format)\n"
        << "  timing-explorer validate FILE...      list every problem in the files\n"
        << "  timing-explorer chart FILE... -o OUT  a chart as PNG or SVG (--kind, --group-by, --metric, "
           "...)\n"
        << "  timing-explorer compare FILE... --a X --b Y   group B against group A (--group-by, --metric)\n"
        << "  timing-explorer convert FILE... -o OUT  to JSON Lines in the proposed structure (-o - for "
           "stdout)\n"
        << "  timing-explorer summary FILE... -o OUT.csv  the runs as CSV (--preset, --columns, --per-group, "
           "--long)\n"
        << "  timing-explorer COMMAND --help        options of a command\n"
        << "  timing-explorer --version\n";
}

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("TimingExplorer"));
    QCoreApplication::setApplicationName(QStringLiteral("timing-explorer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TIMING_EXPLORER_VERSION));
}

} // namespace

int main(int argc, char* argv[])
{
    const QString first = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    const auto command = commands().find(first);
    const bool wantsHelp = first == QStringLiteral("--help") || first == QStringLiteral("-h");
    const bool wantsVersion = first == QStringLiteral("--version") || first == QStringLiteral("-v");

    if (command != commands().end() || wantsHelp || wantsVersion) {
        // Headless: no QGuiApplication, so the commands run without a display.
        QCoreApplication app(argc, argv);
        setIdentity();
        QTextStream out(stdout);
        if (wantsVersion) {
            out << "timing-explorer " << TIMING_EXPLORER_VERSION << '\n';
            return 0;
        }
        if (wantsHelp) {
            printUsage(out);
            return 0;
        }
        QStringList arguments = QCoreApplication::arguments();
        arguments.removeAt(1); // "timing-explorer stats a.jsonl" parses as "timing-explorer a.jsonl"
        return command->second(arguments);
    }
    if (first.startsWith(u'-')) {
        QTextStream err(stderr);
        err << "error: unknown option " << first << "\n\n";
        printUsage(err);
        return 2;
    }

    if (first == QStringLiteral("chart")) {
        // QtCharts draws through widgets; without a display, draw offscreen.
        if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
            && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        setIdentity();
        QStringList arguments = QApplication::arguments();
        arguments.removeAt(1);
        return te::cli::runChart(arguments);
    }

    // The window opens and closes big files: give their memory back when they close.
    te::returnFreedMemoryPromptly();
    QApplication app(argc, argv);
    setIdentity();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/timing-explorer.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.timingexplorer.TimingExplorer"));
    te::applyAppearance(te::savedAppearance());
    QStringList files = QApplication::arguments();
    files.removeFirst();
    te::MainWindow window;
    window.show();
    window.openFiles(files);
    return QApplication::exec();
}
