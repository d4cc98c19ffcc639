#pragma once

#include "load/src/inputreader.h"

namespace te::loader {

/// The reader of JSON documents that are not JSON Lines: a file that is one JSON
/// array of records (pandas' `to_json(orient="records")`), or objects one after
/// another that span lines (`jq .`). Each record is read as a JSON Lines line is
/// (JsonlRecordParser). The file is read into memory whole.
const InputReader& jsonDocInputReader();

} // namespace te::loader
