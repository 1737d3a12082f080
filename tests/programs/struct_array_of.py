from pythos.lang import struct, u8, u16, u32, i32, Array


@struct
class Item:
    id: u16
    weight: u32
    tag: u8


ITEMS = Array[Item, 6]()


def fill() -> None:
    for i in range(len(ITEMS)):
        ITEMS[i].id = u16(i + 1)
        ITEMS[i].weight = u32((i * 37 + 11) % 50)
        ITEMS[i].tag = u8(65 + i)


def sort_by_weight() -> None:
    # insertion sort on an array of structs, moving values by copy
    for i in range(1, len(ITEMS)):
        key = Item()
        key.id = ITEMS[i].id
        key.weight = ITEMS[i].weight
        key.tag = ITEMS[i].tag
        j = i - 1
        while j >= 0 and ITEMS[j].weight > key.weight:
            ITEMS[j + 1] = ITEMS[j]
            j -= 1
        ITEMS[j + 1] = key


def show() -> None:
    for it in ITEMS:
        print(f"  id={it.id} w={it.weight:>2} tag={chr(it.tag)}")


def main() -> None:
    fill()
    print("filled")
    show()
    sort_by_weight()
    print("sorted")
    show()
    # copying a struct into an array element is a value copy
    p = Item(99, 1000, 90)
    local = Array[Item, 3]()
    local[0] = p
    p.weight = 5
    p.id = 7
    print("local[0]", local[0].id, local[0].weight, "p", p.id, p.weight)
    # element-to-element copy is also a value copy
    local[1] = local[0]
    local[0].tag = 1
    print("local[1].tag", local[1].tag, "local[0].tag", local[0].tag)
    # writes through an index are visible in the array
    local[2].weight = 12345
    local[2].weight += 1
    print("local[2].weight", local[2].weight)
    # negative indexes on arrays of structs
    print("last", local[-1].weight, "first", local[-3].id)
    total = u32(0)
    for it in local:
        total += it.weight
    print("total weight", total, "len", len(local))
    heaviest = i32(-1)
    for i in range(len(ITEMS)):
        if i32(ITEMS[i].weight) > heaviest:
            heaviest = i32(ITEMS[i].weight)
    print("heaviest", heaviest)


if __name__ == "__main__":
    main()
