#include "changescommand.h"
#include "chartcommand.h"
#include "checkcommand.h"
#include "comparecommand.h"
#include "convertcommand.h"
#include "statscommand.h"
#include "summarycommand.h"
#include "ui/shell/mainwindow.h"
#include "ui/widgets/appearance.h"
#include "util/memoryrelease.h"
#include "validatecommand.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>
#include <QIcon>
#include <QRegularExpression>
#include <QTextStream>
#include <algorithm>
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
        { QStringLiteral("check"), te::cli::runCheck },
        { QStringLiteral("summary"), te::cli::runSummary },
        { QStringLiteral("convert"), te::cli::runConvert },
        { QStringLiteral("chart"), te::cli::runChart }, // needs a QApplication: see main()
        { QStringLiteral("changes"), te::cli::runChanges },
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
        << "  timing-explorer check FILE... --by F --baseline V   the CI gate: exit 1 on a regression "
           "(--candidate, --baseline-file, --fail-if, --format)\n"
        << "  timing-explorer convert FILE... -o OUT  to JSON Lines in the proposed structure (-o - for "
           "stdout)\n"
        << "  timing-explorer summary FILE... -o OUT.csv  the runs as CSV (--preset, --columns, --per-group, "
           "--long)\n"
        << "  timing-explorer changes FILE... --by git_commit  where the timings step along the history "
           "(--group-by, --metric, --format)\n"
        << "  timing-explorer COMMAND --help        options of a command\n"
        << "  timing-explorer --version\n";
}

// Edit distance, to suggest the command a typo meant.
int editDistance(const QString& a, const QString& b)
{
    std::vector<int> row(static_cast<std::size_t>(b.size()) + 1);
    for (std::size_t j = 0; j < row.size(); ++j)
        row[j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = static_cast<int>(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[static_cast<std::size_t>(j)];
            row[static_cast<std::size_t>(j)] = std::min({ above + 1, row[static_cast<std::size_t>(j - 1)] + 1,
                diagonal + (a[i - 1] == b[j - 1] ? 0 : 1) });
            diagonal = above;
        }
    }
    return row.back();
}

// A first argument that names no file and looks like a word ("chnages") is a
// mistyped command, not a file to open in a window.
bool looksLikeCommand(const QString& first)
{
    static const QRegularExpression word(QStringLiteral("^[a-z][a-z-]*$"));
    return word.match(first).hasMatch() && !QFileInfo::exists(first);
}

int unknownCommand(const QString& first)
{
    QTextStream err(stderr);
    err << "error: unknown command \"" << first << "\"";
    QString nearest;
    int best = 3; // suggest only close matches
    for (const auto& [name, run] : commands()) {
        const int distance = editDistance(first, name);
        if (distance < best) {
            best = distance;
            nearest = name;
        }
    }
    if (!nearest.isEmpty())
        err << "; did you mean \"" << nearest << "\"?";
    err << "\n\n";
    printUsage(err);
    return 2;
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

    const bool isChart = first == QStringLiteral("chart");
    if ((command != commands().end() && !isChart) || wantsHelp || wantsVersion) {
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

    if (command == commands().end() && looksLikeCommand(first)) {
        QCoreApplication app(argc, argv);
        return unknownCommand(first);
    }

    if (isChart) {
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
