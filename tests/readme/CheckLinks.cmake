# Fails when a relative Markdown link in README ([text](path) with no scheme and no
# leading '#') names a file or directory that does not exist beside README.
#   cmake -DREADME=<README.md> -P CheckLinks.cmake
cmake_minimum_required(VERSION 3.25)

get_filename_component(root "${README}" DIRECTORY)
file(READ "${README}" text)
# Code spans and blocks may hold brackets that are not links.
string(REGEX REPLACE "```[^`]*```" "" text "${text}")
string(REGEX REPLACE "`[^`\n]*`" "" text "${text}")

string(REGEX MATCHALL "\\]\\([^) \t\n]+\\)" links "${text}")
# A ']' in a list element stops CMake from splitting the list there: drop it.
string(REPLACE "](" "(" links "${links}")
set(missing)
set(checked 0)
foreach(link IN LISTS links)
  string(REGEX REPLACE "^\\(([^)]*)\\)$" "\\1" target "${link}")
  if(target MATCHES "^[a-zA-Z][a-zA-Z0-9+.-]*:" OR target MATCHES "^#")
    continue()  # URL, mailto:, in-page anchor
  endif()
  string(REGEX REPLACE "#.*$" "" target "${target}")
  math(EXPR checked "${checked} + 1")
  if(NOT EXISTS "${root}/${target}")
    list(APPEND missing "${target}")
  endif()
endforeach()

if(missing)
  list(JOIN missing ", " shown)
  message(FATAL_ERROR "README.md links to missing files: ${shown}")
endif()
message(STATUS "README.md: ${checked} relative links, all present")
