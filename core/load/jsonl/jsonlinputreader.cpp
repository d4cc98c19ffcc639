#include "load/jsonl/jsonlinputreader.h"

#include "load/jsonl/jsonlfilereader.h"

namespace te::loader {

namespace {

class JsonlInputReader final : public InputReader
{
public:
    QString formatName() const override { return QStringLiteral("JSON Lines"); }

    bool canRead(const InputHead& head) const override { return head.firstNonBlank() == '{'; }

    QString unavailableReason() const override
    {
        if (cpuCanParseJsonl())
            return {};
        return QStringLiteral("this build reads JSON Lines with AVX2 instructions, which this CPU lacks; "
                              "rebuild with -DTIMING_EXPLORER_AVX2=OFF");
    }

    bool read(const Input& input, qint64 size, SharedState& shared, Part& part) const override
    {
        readJsonlFile(input, size, shared, part);
        return true;
    }

    bool readAppended(
        const Input& input, qint64 begin, qint64 end, SharedState& shared, Part& part) const override
    {
        readJsonlRange(input, begin, end, shared, true, part);
        return true;
    }
};

} // namespace

const InputReader& jsonlInputReader()
{
    static const JsonlInputReader reader;
    return reader;
}

} // namespace te::loader
