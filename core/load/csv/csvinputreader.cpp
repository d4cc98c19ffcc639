#include "load/csv/csvinputreader.h"

#include "load/csv/csvfilereader.h"

namespace te::loader {

namespace {

class CsvInputReader final : public InputReader
{
public:
    QString formatName() const override { return QStringLiteral("CSV"); }

    // Text that starts like JSON is no CSV, even when no JSON reader takes it.
    bool canRead(const InputHead& head) const override
    {
        const char first = head.firstNonBlank();
        return first != '{' && first != '[';
    }

    bool read(const Input& input, qint64 size, SharedState& shared, Part& part) const override
    {
        return readCsv(input, size, shared, part);
    }

    // The rows after a header that must be read again, and that must end before them.
    bool readAppended(
        const Input& input, qint64 begin, qint64 end, SharedState& shared, Part& part) const override
    {
        const std::optional<CsvHeader> header = readCsvHeader(input);
        return header && header->end <= begin && readCsvRange(input, *header, begin, end, shared, part);
    }
};

} // namespace

const InputReader& csvInputReader()
{
    static const CsvInputReader reader;
    return reader;
}

} // namespace te::loader
