# error: 4:1: 'main' must be a function
from pythos.lang import u8

main = u8(3)
