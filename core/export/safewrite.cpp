#include "export/safewrite.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <cstdio>
#include <filesystem>
#include <system_error>

namespace te {

namespace {

std::filesystem::path nativePath(const QString& path)
{
    return { QFile::encodeName(path).toStdString() };
}

bool fail(const QString& what, const QString& reason, QString* error)
{
    if (error)
        *error = QStringLiteral("cannot write %1: %2")
                     .arg(what, reason.isEmpty() ? QStringLiteral("write failed") : reason);
    return false;
}

// Why `path` may not be written at all, found before anything is opened; empty
// when it may be.
QString refusalReason(const QString& path, const QStringList& protectedInputs)
{
    if (path.isEmpty())
        return QStringLiteral("no file name given");
    if (const QString input = protectedInputFor(path, protectedInputs); !input.isEmpty())
        return QStringLiteral("it is the input file %1, which is only ever read").arg(input);
    const QFileInfo target(path);
    if (target.isDir())
        return QStringLiteral("it is a directory");
    const QFileInfo directory(target.absolutePath());
    if (!directory.exists())
        return QStringLiteral("the directory %1 does not exist").arg(directory.filePath());
    if (!directory.isDir())
        return QStringLiteral("%1 is not a directory").arg(directory.filePath());
    return {};
}

// For a file written in place: a write the writer did not check, or the final
// flush, failing fails the whole write.
bool writeIntoOpenFile(QFile& file, const ContentWriter& write, QString* reason)
{
    if (!write(file, reason))
        return false;
    if (file.error() != QFileDevice::NoError || !file.flush()) {
        *reason = file.errorString();
        return false;
    }
    file.close(); // clears any earlier error, hence checked only now
    if (file.error() != QFileDevice::NoError) {
        *reason = file.errorString();
        return false;
    }
    return true;
}

// Devices and FIFOs have no old contents to keep; see writeSafely.
bool writeDirectly(const QString& path, const ContentWriter& write, QString* reason)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        *reason = file.errorString();
        return false;
    }
    return writeIntoOpenFile(file, write, reason);
}

bool writeAtomically(const QString& path, const ContentWriter& write, QString* reason)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *reason = file.errorString();
        return false;
    }
    if (!write(file, reason)) {
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        *reason = file.errorString();
        return false;
    }
    return true;
}

} // namespace

bool writeSafely(
    const QString& path, const QStringList& protectedInputs, const ContentWriter& write, QString* error)
{
    if (const QString refusal = refusalReason(path, protectedInputs); !refusal.isEmpty())
        return fail(path, refusal, error);
    const QFileInfo target(path);
    const bool inPlace = target.exists() && !target.isFile();
    QString reason;
    if (inPlace ? writeDirectly(path, write, &reason) : writeAtomically(path, write, &reason))
        return true;
    if (reason == kWriteCancelled)
        reason = inPlace ? QStringLiteral("cancelled; what was written before stays written")
                         : QStringLiteral("cancelled; the file was left as it was");
    return fail(path, reason, error);
}

bool writeAllBytes(QIODevice& device, std::string_view bytes, QString* reason)
{
    const auto size = static_cast<qint64>(bytes.size());
    if (device.write(bytes.data(), size) == size)
        return true;
    *reason = device.errorString();
    return false;
}

bool writeToStandardOutput(const ContentWriter& write, QString* error)
{
    std::fflush(stdout); // what was printed through stdio comes first
    QFile file;
    QString reason;
    if (!file.open(fileno(stdout), QIODevice::WriteOnly | QIODevice::Unbuffered))
        reason = file.errorString();
    else if (writeIntoOpenFile(file, write, &reason))
        return true;
    return fail(QStringLiteral("to standard output"), reason, error);
}

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

} // namespace te
