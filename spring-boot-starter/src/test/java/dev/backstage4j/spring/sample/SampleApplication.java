package dev.backstage4j.spring.sample;

import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A service as a user writes it: the starter's CatalogClient injected, entities returned from a controller. */
@SpringBootApplication
@RestController
public class SampleApplication {
  private final CatalogClient catalog;

  public SampleApplication(CatalogClient catalog) {
    this.catalog = catalog;
  }

  @GetMapping("/components/{name}")
  ResponseEntity<Entity> component(@PathVariable String name) {
    return ResponseEntity.of(catalog.entities().find(EntityRef.of("component", "default", name)));
  }

  /** Echoes a posted ref back, to show EntityRef reads and writes as Backstage's string form. */
  @PostMapping("/refs")
  EntityRef ref(@RequestBody EntityRef ref) {
    return ref;
  }

  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }
}
