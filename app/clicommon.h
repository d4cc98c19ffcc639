#pragma once

#include "load/timingloader.h"
#include "query/runfilter.h"

#include <QCommandLineParser>
#include <QSize>
#include <QStringList>
#include <QTextStream>
#include <optional>
#include <vector>

namespace te::cli {

/// Exit codes shared by every subcommand.
enum ExitCode
{
    Ok = 0,
    Failure = 1,
    BadUsage = 2,
    Interrupted = 130 ///< Ctrl+C during a load, as a shell reports SIGINT
};

struct Streams
{
    QTextStream out;
    QTextStream err;
    Streams();
};

/// Adds the options of how traces are read into runs: --same-name-spans (OpenTelemetry
/// and Chrome traces) and --chrome-runs.
void addTraceOptions(QCommandLineParser& parser);

/// Adds the options every data-reading subcommand takes: --mapping, --table, the
/// trace options (addTraceOptions), --filter.
void addInputOptions(QCommandLineParser& parser);

/// Loads the positional FILE arguments with the --mapping of `parser`. Problems go
/// to stderr as one summary line (`validate` prints them all). Returns nullopt,
/// having printed why, when the options are unusable. Shows a progress line on a
/// terminal (LoadFeedback); Ctrl+C during the load ends the process with
/// Interrupted before the command has written anything.
std::optional<LoadResult> loadInputs(
    const QCommandLineParser& parser, Streams& io, bool quiet, const LoadProjection& projection = {});
/// loadInputs() of `files` instead of the positional arguments, in that order.
std::optional<LoadResult> loadFiles(const QCommandLineParser& parser, const QStringList& files, Streams& io,
    bool quiet, const LoadProjection& projection = {});

/// Every file a command reads, which its output must never overwrite: the FILE
/// arguments and the --mapping.
QStringList inputFiles(const QCommandLineParser& parser);

/// Applies every --filter; nullopt (message printed) when one does not parse.
std::optional<std::vector<std::uint32_t>> filteredRuns(
    const QCommandLineParser& parser, const TimingDataset& data, Streams& io);

/// The picture size of --size (e.g. 1600x900, each side at least 100 pixels);
/// nullopt, the reason printed, when it is not one.
std::optional<QSize> pictureSize(const QCommandLineParser& parser, Streams& io);

/// Splits "a,b" and repeated options into one list.
QStringList splitList(const QStringList& values);

/// Shortest text that reads back as the same double; empty for NaN.
QString exactNumber(double value);

/// True when the --format of `parser` is one of `allowed`; otherwise prints
/// "unknown --format" with the choices and returns false (a usage error).
bool acceptFormat(const QCommandLineParser& parser, const QStringList& allowed, Streams& io);

/// Parses argv for a subcommand; prints help or errors. Returns false with `exitCode` set
/// when the command should stop.
bool parseArguments(QCommandLineParser& parser, const QStringList& arguments, Streams& io, int& exitCode);

} // namespace te::cli
