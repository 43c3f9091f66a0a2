# Writes OUTPUT, a C++ file that defines backbalance::internal::kBuiltinCatalogJson
# holding the bytes of INPUT. Raw string literals are split in chunks below the
# compilers' literal length limits.
file(READ ${INPUT} content)
string(LENGTH "${content}" length)
set(out "// Generated from data/catalog/builtin.json; do not edit.\n")
string(APPEND out "#include <string_view>\nnamespace backbalance::internal {\n")
string(APPEND out "extern const std::string_view kBuiltinCatalogJson;\n")
string(APPEND out "static const char kData[] =\n")
set(offset 0)
while(offset LESS length)
  string(SUBSTRING "${content}" ${offset} 8000 chunk)
  string(APPEND out "R\"bkbjson(${chunk})bkbjson\"\n")
  math(EXPR offset "${offset} + 8000")
endwhile()
string(APPEND out ";\nconst std::string_view kBuiltinCatalogJson(kData, sizeof(kData) - 1);\n}\n")
file(WRITE ${OUTPUT} "${out}")
