#pragma once

#include <QStringList>

namespace te::cli {

/// `convert FILE... -o OUT.jsonl [--mapping FILE] [--filter EXPR]...`: the runs of
/// any input shape as JSON Lines in the proposed structure (see jsonlwriter.h);
/// `-o -` writes to stdout. Never writes over an input. Exit 2 for bad options, 1
/// when an input cannot be read or the output cannot be written.
int runConvert(const QStringList& arguments);

} // namespace te::cli
