# The shared library exports exactly the C ABI: every defined dynamic symbol is bkb_*,
# every function backbalance.h declares is exported, and the soname carries the ABI
# version. Run by ctest:
#   cmake -DLIBRARY=<libbackbalance.so> -DHEADER=<backbalance.h> -DNM=<nm> -DREADELF=<readelf>
#         -DSONAME=libbackbalance.so.<N> -P check_exports.cmake
cmake_minimum_required(VERSION 3.25)

execute_process(COMMAND ${NM} -D --defined-only ${LIBRARY}
  RESULT_VARIABLE rc OUTPUT_VARIABLE nm_output ERROR_VARIABLE nm_error)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${NM} -D --defined-only ${LIBRARY} failed: ${nm_error}")
endif()

# `<address> <type> <name>` per line.
string(REPLACE "\n" ";" lines "${nm_output}")
set(exported)
set(foreign)
foreach(line IN LISTS lines)
  if(line MATCHES "^[0-9a-fA-F]* *[A-Za-z] ([^ ]+)$")
    set(name ${CMAKE_MATCH_1})
    if(name MATCHES "^bkb_")
      list(APPEND exported ${name})
    else()
      list(APPEND foreign ${name})
    endif()
  endif()
endforeach()
if(foreign)
  list(LENGTH foreign count)
  list(SUBLIST foreign 0 20 shown)
  list(JOIN shown "\n  " shown)
  message(FATAL_ERROR "${LIBRARY} exports ${count} symbol(s) that are not bkb_*, e.g.:\n  ${shown}")
endif()

# The functions of the header (`BKB_API <type> *?bkb_name(`), declared once each.
file(READ ${HEADER} header)
string(REGEX MATCHALL "BKB_API [^;(]*[ *]bkb_[a-z0-9_]+\\(" declarations "${header}")
set(declared)
foreach(declaration IN LISTS declarations)
  string(REGEX MATCH "bkb_[a-z0-9_]+\\($" name "${declaration}")
  string(REPLACE "(" "" name "${name}")
  list(APPEND declared ${name})
endforeach()
list(LENGTH declared declared_count)
if(declared_count LESS 40)
  message(FATAL_ERROR "found only ${declared_count} declarations in ${HEADER}: the pattern broke")
endif()

set(missing ${declared})
list(REMOVE_ITEM missing ${exported})
set(undeclared ${exported})
list(REMOVE_ITEM undeclared ${declared})
if(missing)
  message(FATAL_ERROR "declared in backbalance.h but not exported: ${missing}")
endif()
if(undeclared)
  message(FATAL_ERROR "exported but not declared in backbalance.h: ${undeclared}")
endif()

execute_process(COMMAND ${READELF} -d ${LIBRARY} RESULT_VARIABLE rc OUTPUT_VARIABLE dynamic)
if(NOT rc EQUAL 0 OR NOT dynamic MATCHES "\\(SONAME\\)[^\n]*\\[${SONAME}\\]")
  message(FATAL_ERROR "${LIBRARY}: the soname is not ${SONAME}:\n${dynamic}")
endif()

list(LENGTH exported exported_count)
message(STATUS "${LIBRARY}: ${exported_count} symbols, all bkb_*, all declared; soname ${SONAME}")
