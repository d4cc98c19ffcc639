#pragma once

#include <QStringList>

namespace te::cli {

/// `validate FILE...`: every problem as `FILE:LINE: message`, then
/// "N runs loaded, M lines rejected, K warnings". Exit 1 when a line was rejected
/// or a file could not be read.
int runValidate(const QStringList& arguments);

} // namespace te::cli
