#include "export/csvfilewriter.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <filesystem>
#include <system_error>

namespace te {

namespace {

std::filesystem::path nativePath(const QString& path)
{
    return std::filesystem::path(QFile::encodeName(path).toStdString());
}

// Devices and FIFOs have no old contents to keep; see writeCsvFile.
bool writeDirectly(
    const QString& path, const CsvExporter& exporter, const CsvProgress& progress, QString* reason)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        *reason = file.errorString();
        return false;
    }
    if (!exporter.write(file, progress, reason))
        return false;
    if (!file.flush()) {
        *reason = file.errorString();
        return false;
    }
    file.close();
    if (file.error() != QFileDevice::NoError) {
        *reason = file.errorString();
        return false;
    }
    return true;
}

bool writeAtomically(
    const QString& path, const CsvExporter& exporter, const CsvProgress& progress, QString* reason)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *reason = file.errorString();
        return false;
    }
    if (!exporter.write(file, progress, reason)) {
        file.cancelWriting();
        if (*reason == u"cancelled")
            *reason = QStringLiteral("cancelled; the file was left as it was");
        return false;
    }
    if (!file.commit()) {
        *reason = file.errorString();
        return false;
    }
    return true;
}

} // namespace

QString protectedInputFor(const QString& path, const QStringList& inputs)
{
    const QFileInfo target(path);
    if (!target.exists())
        return {};
    const QString canonical = target.canonicalFilePath();
    for (const QString& input : inputs) {
        const QFileInfo info(input);
        if (!info.exists())
            continue;
        if (info.canonicalFilePath() == canonical)
            return input;
        std::error_code ignored;
        if (std::filesystem::equivalent(nativePath(path), nativePath(input), ignored))
            return input;
    }
    return {};
}

bool writeCsvFile(const QString& path, const CsvExporter& exporter, const QStringList& protectedInputs,
    QString* error, const CsvProgress& progress)
{
    const auto fail = [&](const QString& reason) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, reason);
        return false;
    };
    if (path.isEmpty())
        return fail(QStringLiteral("no file name given"));
    if (const QString input = protectedInputFor(path, protectedInputs); !input.isEmpty())
        return fail(QStringLiteral("it is the input file %1, which is only ever read").arg(input));
    const QFileInfo target(path);
    if (target.isDir())
        return fail(QStringLiteral("it is a directory"));
    const QFileInfo directory(target.absolutePath());
    if (!directory.exists())
        return fail(QStringLiteral("the directory %1 does not exist").arg(directory.filePath()));
    if (!directory.isDir())
        return fail(QStringLiteral("%1 is not a directory").arg(directory.filePath()));

    QString reason;
    const bool ok = target.exists() && !target.isFile() ? writeDirectly(path, exporter, progress, &reason)
                                                        : writeAtomically(path, exporter, progress, &reason);
    return ok || fail(reason);
}

} // namespace te
