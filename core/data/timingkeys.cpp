#include "data/timingkeys.h"

#include "data/columnmapping.h"

namespace te {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// "phase12" followed by '_' or the end; returns the length of the phase part, 0 if none.
std::size_t phasePrefixLength(std::string_view base)
{
    constexpr std::string_view prefix = "phase";
    if (base.substr(0, prefix.size()) != prefix)
        return 0;
    std::size_t i = prefix.size();
    while (i < base.size() && isDigit(base[i]))
        ++i;
    if (i == prefix.size() || (i < base.size() && base[i] != '_'))
        return 0;
    return i;
}

void appendPath(FlatTarget& target, std::string_view path)
{
    if (path.substr(0, 6) == "total/")
        path.remove_prefix(6);
    else if (path == "total")
        return;
    while (!path.empty() && target.segmentCount < static_cast<int>(target.segments.size())) {
        const auto slash = path.find('/');
        const auto segment = path.substr(0, slash);
        if (!segment.empty())
            target.segments[static_cast<std::size_t>(target.segmentCount++)] = segment;
        if (slash == std::string_view::npos)
            break;
        path.remove_prefix(slash + 1);
    }
}

} // namespace

FlatTarget resolveFlatKey(std::string_view key, const ColumnMapping* mapping)
{
    FlatTarget target;
    const TimeKey unit = splitTimeKey(key);
    target.toSeconds = unit.toSeconds;
    if (mapping) {
        if (const auto* path = mapping->targetFor(key)) {
            target.isTiming = true;
            appendPath(target, *path);
            return target;
        }
    }
    if (!unit.hasUnitSuffix && key != "total")
        return target;
    target.isTiming = true;
    const std::string_view base = unit.base;
    if (base == "total")
        return target;
    if (base == "matcher1_critic_time") {
        appendPath(target, "phase1");
        return target;
    }
    if (base == "matcher2_time") {
        appendPath(target, "phase2");
        return target;
    }
    if (const std::size_t phaseLength = phasePrefixLength(base)) {
        target.segments[0] = base.substr(0, phaseLength);
        target.segmentCount = 1;
        const std::string_view item
            = phaseLength < base.size() ? base.substr(phaseLength + 1) : std::string_view();
        if (!item.empty() && item != "total")
            target.segments[static_cast<std::size_t>(target.segmentCount++)] = item;
        return target;
    }
    target.segments[0] = base;
    target.segmentCount = 1;
    return target;
}

} // namespace te
