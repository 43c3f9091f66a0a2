# Writes OUTPUT, a C++ file holding the README's usage example: the ```cpp fenced block
# that follows the line `<!-- readme-example -->` in README. A #line directive maps
# compiler messages back to README.md. Fails when there is no such block, or more than one.
#   cmake -DREADME=<README.md> -DOUTPUT=<file.cc> -P ExtractExample.cmake
cmake_minimum_required(VERSION 3.25)

set(marker "<!-- readme-example -->")
file(READ "${README}" text)

string(FIND "${text}" "${marker}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${README}: no '${marker}' line before the C++ usage example")
endif()
string(FIND "${text}" "${marker}" last REVERSE)
if(NOT last EQUAL at)
  message(FATAL_ERROR "${README}: '${marker}' appears more than once")
endif()

string(SUBSTRING "${text}" ${at} -1 rest)
string(FIND "${rest}" "\n```cpp\n" open)
if(open EQUAL -1)
  message(FATAL_ERROR "${README}: no ```cpp block after '${marker}'")
endif()
# Only blank lines may separate the marker from the block.
string(LENGTH "${marker}" marker_length)
math(EXPR gap_length "${open} - ${marker_length}")
string(SUBSTRING "${rest}" ${marker_length} ${gap_length} gap)
if(NOT gap MATCHES "^[ \t\r\n]*$")
  message(FATAL_ERROR "${README}: text between '${marker}' and its ```cpp block")
endif()

math(EXPR body_start "${at} + ${open} + 8")  # past "\n```cpp\n"
string(SUBSTRING "${text}" ${body_start} -1 body)
string(FIND "${body}" "\n```" close)
if(close EQUAL -1)
  message(FATAL_ERROR "${README}: the ```cpp block after '${marker}' is not closed")
endif()
math(EXPR close "${close} + 1")  # keep the last line's newline
string(SUBSTRING "${body}" 0 ${close} body)

# Line number of the block's first line in README.md.
string(SUBSTRING "${text}" 0 ${body_start} before)
string(REGEX MATCHALL "\n" newlines "${before}")
list(LENGTH newlines first_line)
math(EXPR first_line "${first_line} + 1")

set(content "// Generated from README.md by tests/readme/ExtractExample.cmake; do not edit.\n")
string(APPEND content "#line ${first_line} \"${README}\"\n${body}")
file(WRITE "${OUTPUT}" "${content}")
