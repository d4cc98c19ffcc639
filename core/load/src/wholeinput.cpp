#include "load/src/wholeinput.h"

#include <algorithm>
#include <new>

namespace te::loader {

bool readWholeInput(const Input& input, qint64 size, std::size_t padding, const QString& tooLargeHint,
    std::string& text, QString& error)
{
    const std::unique_ptr<QIODevice> file = input.open();
    if (!file->isOpen()) {
        error = QStringLiteral("cannot read: ") + file->errorString();
        return false;
    }
    try {
        text.assign(static_cast<std::size_t>(size) + padding, '\0');
    } catch (const std::bad_alloc&) {
        error = QStringLiteral("the file is too large to read into memory (%1 bytes); ").arg(size)
            + tooLargeHint;
        return false;
    }
    qint64 got = 0;
    while (got < size) {
        const qint64 n = file->read(text.data() + got, size - got);
        if (n <= 0)
            break;
        got += n;
    }
    if (got < size) {
        error = QStringLiteral("read error: ") + file->errorString();
        return false;
    }
    return true;
}

void finishWholeInputPart(Part& part, std::string_view body, qint64 size)
{
    part.lines = static_cast<qint64>(std::count(body.begin(), body.end(), '\n'))
        + (body.empty() || body.back() == '\n' ? 0 : 1);
    part.completeEnd = size;
    part.dataset.finish();
}

} // namespace te::loader
