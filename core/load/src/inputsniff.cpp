#include "load/src/inputsniff.h"

#include "load/src/readerregistry.h"

#include <QStringList>
#include <algorithm>

namespace te::loader {

namespace {

constexpr qint64 kSniffBytes = qint64 { 64 } * 1024;

const InputReader* readerFor(const InputHead& head)
{
    const bool binary = head.containsNul();
    for (const InputReader* reader : inputReaders()) {
        if ((reader->readsBinary() || !binary) && reader->canRead(head))
            return reader;
    }
    return nullptr;
}

// Why no reader reads the input: the near misses that no format takes are named.
QString whyUnread(const InputHead& head)
{
    if (head.containsNul())
        return QStringLiteral("a binary file (it contains NUL bytes), not timing data");
    QStringList formats;
    for (const InputReader* reader : inputReaders())
        formats.append(reader->formatName());
    return QStringLiteral("not a format this build reads (%1)").arg(formats.join(QStringLiteral(", ")));
}

} // namespace

Sniff sniffInput(QIODevice& device, const QString& fileName)
{
    // read(n) allocates n bytes up front: a small file (or a fuzz input) does not
    // need a 64 KiB buffer.
    const QByteArray bytes = device.read(std::min<qint64>(kSniffBytes, device.size()));
    InputHead head { { bytes.constData(), static_cast<std::size_t>(bytes.size()) }, fileName };
    if (head.bytes.substr(0, kBom.size()) == kBom)
        head.bytes.remove_prefix(kBom.size());
    Sniff sniff;
    if (head.isBlank()) {
        sniff.empty = true;
        return sniff;
    }
    sniff.reader = readerFor(head);
    if (!sniff.reader)
        sniff.problem = whyUnread(head);
    return sniff;
}

} // namespace te::loader
