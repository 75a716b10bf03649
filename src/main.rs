fn main() {
    println!("mensetsu");
}
