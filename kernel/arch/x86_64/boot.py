"""The x86-64 boot stub: from a Multiboot 1 loader to ``kmain`` in long mode.

This is the only assembly in the kernel.  It is kept as module-level
assembly (``global_asm``) so that it is compiled into the same object as
the Python code; under CPython ``global_asm`` does nothing.

Boot sequence
-------------

1. A Multiboot 1 loader (GRUB, or QEMU's ``-kernel``) loads the image at
   physical 1 MiB, as the ELF program headers' physical addresses say, and
   jumps to ``_start`` in 32-bit protected mode with paging off, ``eax`` =
   0x2BADB002 and ``ebx`` = the physical address of the Multiboot
   information structure.  The header asks for page-aligned modules (flag
   bit 0) and for the memory information (bit 1).
2. ``_start`` keeps the magic in ``ebp`` and the information pointer in
   ``esi``, zeroes the boot page tables and the kernel's ``.bss`` (the
   Multiboot specification has the loader zero ``.bss``, but a warm restart
   or a sloppy loader might not, and it costs microseconds), and takes a
   small temporary stack.  The Multiboot information lies outside the image
   (loaders never put it inside the image's memory, ``.bss`` included), so
   zeroing cannot destroy it.
3. It checks, in order, the Multiboot magic, that CPUID exists (the ID bit,
   21, of EFLAGS can be toggled) and that CPUID 0x80000001 reports long
   mode (EDX bit 29).  On failure it paints the VGA text screen red and
   writes "Pythos: boot failed: <reason>" in white on it (and to COM1),
   then stops with ``cli; hlt``.
4. It builds the boot page tables (below) and turns on, in this order,
   CR4.PAE, CR3, EFER.LME (and EFER.NXE when CPUID says the CPU has NX, so
   later code may use no-execute pages), then CR0.PG and CR0.WP (so ring 0
   also honours read-only pages).
5. It loads a three-entry GDT (null, 64-bit code 0x08, data 0x10) and far
   jumps to 64-bit code, still at a low (identity-mapped) address.  That
   code reloads the data segment registers and jumps to the higher half.
6. In the higher half it reloads the GDT register with the GDT's higher-half
   address (so the identity map can be removed later), switches to the
   64 KiB kernel stack, and calls ``kmain(magic: u32, info: u64)`` with the
   System V ABI: ``rdi`` = the magic zero-extended, ``rsi`` = the physical
   address of the Multiboot information.  If ``kmain`` returns, the CPU
   stops with interrupts disabled.

Memory layout
-------------

The linker script (``linker.ld`` next to this file) links the kernel for
virtual address 0xFFFFFFFF80000000 + physical address, so the code model
``kernel`` applies.  Only the boot region (``.boot.*`` sections: the
Multiboot header, the 32-bit code, the GDT, the page tables) runs before
paging and is linked at its physical address.  The addresses after the
boot region move as the kernel grows; the linker script's symbols are the
authority (addresses below are for a kernel with 4 KiB of code)::

    physical             virtual                contents
    0x000000-0x0FFFFF    identity only          BIOS data, VGA text 0xB8000
    0x100000             identity (= physical)  .boot.text: Multiboot header,
                                                _start, 64-bit trampoline
    0x100xxx             identity               .boot.data: GDT, messages
    0x101000-0x106FFF    identity               .boot.bss: PML4, PDPT low,
                                                PDPT high, PD low, PD high,
                                                PT for the stack region
    0x107000-0x107FFF    identity               .boot.bss: 4 KiB boot stack
    0x108000             0xFFFFFFFF80108000     .text (then .rodata, .data,
                                                .bss, each page aligned)
    ...                  __stack_guard          4 KiB guard, NOT PRESENT
    ...                  __stack_bottom         64 KiB kernel stack
    ...                  __stack_top            rsp at kmain's entry
                         __kernel_end           (= __stack_top)

Multiboot information and modules follow the image in physical memory;
``kmain`` can read them through the identity map or at 0xFFFFFFFF80000000
+ physical, as long as they lie below 1 GiB.

Boot page tables (all in ``.boot.bss``, physical addresses)::

    __boot_pml4[0]   -> __boot_pdpt_low[0]    -> __boot_pd_low
    __boot_pml4[511] -> __boot_pdpt_high[510] -> __boot_pd_high

``__boot_pd_low`` identity-maps physical 0 - 1 GiB with 2 MiB pages.
``__boot_pd_high`` maps the same 1 GiB at 0xFFFFFFFF80000000, also with
2 MiB pages, except for the 2 MiB region that contains the stack guard:
that entry points to ``__boot_pt_stack``, a page table that maps the
region with 4 KiB pages and leaves the guard page's entry zero (not
present).  A stack overflow therefore faults at once instead of silently
overwriting ``.bss``.  Only the higher-half alias has the hole; the
identity map is for the boot code and can be dropped once the kernel runs.
All pages are present, writable and executable; the kernel sets finer
permissions when it builds its own tables (the sections are page aligned
for that).
"""

from pythos.lang import global_asm

global_asm("""
# Constants are .L symbols: local to this file and absent from the symbol
# table, so they cannot clash with names the compiler generates.
    .set .LKERNEL_VMA, 0xFFFFFFFF80000000
    .set .LMULTIBOOT_MAGIC, 0x1BADB002
    .set .LMULTIBOOT_FLAGS, 0x00000003
    .set .LMULTIBOOT_BOOTLOADER_MAGIC, 0x2BADB002
    .set .LVGA_TEXT, 0xB8000
    .set .LCOM1, 0x3F8
    .set .LFAIL_ATTR, 0x4F
    .set .LPAGE_PRESENT_WRITABLE, 0x003
    .set .LPAGE_HUGE, 0x080
    .set .LMSR_EFER, 0xC0000080
    .set .LEFER_LME, 0x100
    .set .LEFER_NXE, 0x800
    .set .LCR0_PG_WP, 0x80010000
    .set .LCR4_PAE, 0x20

# The Multiboot header must lie in the first 8 KiB of the file; the linker
# script puts this section first.
    .section .multiboot, "a", @progbits
    .p2align 2
    .long .LMULTIBOOT_MAGIC
    .long .LMULTIBOOT_FLAGS
    .long -(.LMULTIBOOT_MAGIC + .LMULTIBOOT_FLAGS)

    .section .boot.text, "ax", @progbits
    .code32
    .globl _start
    .type _start, @function
_start:
    cli
    cld
    movl %eax, %ebp
    movl %ebx, %esi

# Zero the boot page tables and stack, then the kernel's .bss (which holds
# the kernel stack).  No stack is used before this is done.
    xorl %eax, %eax
    movl $__boot_bss_start, %edi
    movl $__boot_bss_end, %ecx
    subl %edi, %ecx
    shrl $2, %ecx
    rep stosl
    movl $(__bss_start - .LKERNEL_VMA), %edi
    movl $(__bss_end - .LKERNEL_VMA), %ecx
    subl %edi, %ecx
    shrl $2, %ecx
    rep stosl
    movl $__boot_stack_top, %esp

    cmpl $.LMULTIBOOT_BOOTLOADER_MAGIC, %ebp
    jne .Lfail_magic

# CPUID exists when the ID flag (EFLAGS bit 21) can be changed.
    pushfl
    popl %eax
    movl %eax, %ecx
    xorl $0x200000, %eax
    pushl %eax
    popfl
    pushfl
    popl %eax
    pushl %ecx
    popfl
    cmpl %eax, %ecx
    je .Lfail_cpuid

    movl $0x80000000, %eax
    cpuid
    cmpl $0x80000001, %eax
    jb .Lfail_long_mode
    movl $0x80000001, %eax
    cpuid
    testl $0x20000000, %edx
    jz .Lfail_long_mode
# Keep the extended feature bits (NX is bit 20) for the EFER setup below.
    movl %edx, %ebx

# Identity map (PML4[0]) and higher half (PML4[511], PDPT[510]).
    movl $__boot_pdpt_low, %eax
    orl $.LPAGE_PRESENT_WRITABLE, %eax
    movl %eax, __boot_pml4
    movl $__boot_pdpt_high, %eax
    orl $.LPAGE_PRESENT_WRITABLE, %eax
    movl %eax, __boot_pml4 + 511 * 8
    movl $__boot_pd_low, %eax
    orl $.LPAGE_PRESENT_WRITABLE, %eax
    movl %eax, __boot_pdpt_low
    movl $__boot_pd_high, %eax
    orl $.LPAGE_PRESENT_WRITABLE, %eax
    movl %eax, __boot_pdpt_high + 510 * 8

# Both page directories: 512 entries of 2 MiB covering 0 - 1 GiB.
    xorl %ecx, %ecx
1:  movl %ecx, %eax
    shll $21, %eax
    orl $(.LPAGE_PRESENT_WRITABLE | .LPAGE_HUGE), %eax
    movl %eax, __boot_pd_low(, %ecx, 8)
    movl %eax, __boot_pd_high(, %ecx, 8)
    incl %ecx
    cmpl $512, %ecx
    jne 1b

# The 2 MiB region holding the stack guard gets a 4 KiB page table in the
# higher half, with the guard page left not present.
    movl $(__stack_guard - .LKERNEL_VMA), %edx
    andl $0xFFE00000, %edx
    xorl %ecx, %ecx
2:  movl %ecx, %eax
    shll $12, %eax
    addl %edx, %eax
    orl $.LPAGE_PRESENT_WRITABLE, %eax
    movl %eax, __boot_pt_stack(, %ecx, 8)
    incl %ecx
    cmpl $512, %ecx
    jne 2b
    movl $(__stack_guard - .LKERNEL_VMA), %eax
    shrl $12, %eax
    andl $511, %eax
    movl $0, __boot_pt_stack(, %eax, 8)
    movl $(__stack_guard - .LKERNEL_VMA), %eax
    shrl $21, %eax
    movl $__boot_pt_stack, %ecx
    orl $.LPAGE_PRESENT_WRITABLE, %ecx
    movl %ecx, __boot_pd_high(, %eax, 8)

# Enter long mode: PAE, CR3, EFER.LME (+NXE), then paging and WP.
    movl %cr4, %eax
    orl $.LCR4_PAE, %eax
    movl %eax, %cr4
    movl $__boot_pml4, %eax
    movl %eax, %cr3
    movl $.LMSR_EFER, %ecx
    rdmsr
    orl $.LEFER_LME, %eax
    testl $0x100000, %ebx
    jz 3f
    orl $.LEFER_NXE, %eax
3:  wrmsr
    movl %cr0, %eax
    orl $.LCR0_PG_WP, %eax
    movl %eax, %cr0

    lgdt __boot_gdt_ptr
    ljmp $0x08, $.Llong_mode_low

.Lfail_magic:
    movl $.Lmsg_magic, %ebx
    jmp .Lfail
.Lfail_cpuid:
    movl $.Lmsg_cpuid, %ebx
    jmp .Lfail
.Lfail_long_mode:
    movl $.Lmsg_long_mode, %ebx

# Paint the screen white on red, write the prefix and the reason (in ebx)
# on the first line and to COM1, then stop for good.
.Lfail:
    movl $.LVGA_TEXT, %edi
    movl $((.LFAIL_ATTR << 24) | (0x20 << 16) | (.LFAIL_ATTR << 8) | 0x20), %eax
    movl $1000, %ecx
    rep stosl
    movl $.LVGA_TEXT, %edi
    movl $.Lmsg_prefix, %esi
    call .Lputs
    movl %ebx, %esi
    call .Lputs
    movb $13, %al
    call .Lserial_putc
    movb $10, %al
    call .Lserial_putc
.Lhalt32:
    cli
    hlt
    jmp .Lhalt32

# Write the NUL-terminated string at esi to VGA at edi and to COM1.
.Lputs:
    movb (%esi), %al
    testb %al, %al
    jz 5f
    incl %esi
    movb %al, (%edi)
    movb $.LFAIL_ATTR, 1(%edi)
    addl $2, %edi
    call .Lserial_putc
    jmp .Lputs
5:  ret

# Send al to COM1, waiting a bounded time for the transmitter to be empty
# (a missing UART reads as 0xFF, which looks empty, so this never hangs).
.Lserial_putc:
    movb %al, %ah
    movw $(.LCOM1 + 5), %dx
    movl $0x10000, %ecx
6:  inb %dx, %al
    testb $0x20, %al
    jnz 7f
    loop 6b
7:  movw $.LCOM1, %dx
    movb %ah, %al
    outb %al, %dx
    ret

# Still at a low address, now in 64-bit mode: reload the data segments
# and jump to the higher half (an absolute address needs a register).
    .code64
.Llong_mode_low:
    movw $0x10, %ax
    movw %ax, %ds
    movw %ax, %es
    movw %ax, %ss
    xorw %ax, %ax
    movw %ax, %fs
    movw %ax, %gs
    movabsq $.Lhigher_half, %rax
    jmp *%rax

    .section .boot.data, "aw", @progbits
    .p2align 3
    .globl __boot_gdt
__boot_gdt:
    .quad 0
    .quad 0x00AF9A000000FFFF
    .quad 0x00CF92000000FFFF
.Lgdt_end:
    .p2align 1
__boot_gdt_ptr:
    .word .Lgdt_end - __boot_gdt - 1
    .long __boot_gdt
.Lmsg_prefix:
    .asciz "Pythos: boot failed: "
.Lmsg_magic:
    .asciz "not started by a Multiboot loader (bad magic in eax)"
.Lmsg_cpuid:
    .asciz "no CPUID instruction"
.Lmsg_long_mode:
    .asciz "no long mode (this CPU is not 64-bit)"

    .section .boot.bss, "aw", @nobits
    .p2align 12
    .globl __boot_pml4, __boot_pdpt_low, __boot_pdpt_high
    .globl __boot_pd_low, __boot_pd_high, __boot_pt_stack
__boot_pml4:
    .skip 4096
__boot_pdpt_low:
    .skip 4096
__boot_pdpt_high:
    .skip 4096
__boot_pd_low:
    .skip 4096
__boot_pd_high:
    .skip 4096
__boot_pt_stack:
    .skip 4096
    .skip 4096
__boot_stack_top:

    .section .rodata, "a", @progbits
    .p2align 3
.Lgdt_ptr_high:
    .word .Lgdt_end - __boot_gdt - 1
    .quad __boot_gdt + .LKERNEL_VMA

    .text
    .code64
    # A function symbol, so that a backtrace's last frame (kmain's return
    # address) has a name.  rbp = 0 ends the frame pointer chain there,
    # and for debuggers the call frame information says the same: the
    # return address is undefined, so gdb's `bt` stops here.  It goes to
    # .debug_frame with the compiler's own (.eh_frame is discarded).
    .cfi_sections .debug_frame
    .type _start64, @function
_start64:
.Lhigher_half:
    .cfi_startproc
    .cfi_undefined rip
    lgdt .Lgdt_ptr_high(%rip)
    movq $__stack_top, %rsp
    movl %ebp, %edi
    movl %esi, %esi
    xorl %ebp, %ebp
    call kmain
    cli
.Lhalt64:
    hlt
    jmp .Lhalt64
    .cfi_endproc
    .size _start64, . - _start64
""")
