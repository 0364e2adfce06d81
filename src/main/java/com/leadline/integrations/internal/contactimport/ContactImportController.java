package com.leadline.integrations.internal.contactimport;

import com.leadline.integrations.internal.contactimport.ContactImportStore.Import;
import com.leadline.integrations.internal.contactimport.ContactImportStore.Status;
import com.leadline.platform.FormRefusals;
import com.leadline.platform.InvalidInputException;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The Import contacts page: upload a CSV file, map its columns and choose the profile, then watch it import
 * (the progress panel asks again every two seconds while it runs).
 */
@Controller
class ContactImportController {

    static final String UPLOAD = "/contacts/import";

    /** What the mapping form holds: column numbers as text ("" for none), and the profile. */
    record MappingForm(String profileId, String phone, String name, String email, String notes) {

        static MappingForm of(Mapping mapping, UUID profile) {
            return new MappingForm(profile == null ? "" : profile.toString(), text(mapping.phone()), text(mapping.name()),
                    text(mapping.email()), text(mapping.notes()));
        }

        public String column(String field) {
            return switch (field) {
                case "phone" -> phone;
                case "name" -> name;
                case "email" -> email;
                default -> notes;
            };
        }

        private static String text(Integer column) {
            return column == null ? "" : column.toString();
        }
    }

    private final ContactImportService imports;
    private final String maxFileSize;

    ContactImportController(ContactImportService imports,
                            @org.springframework.beans.factory.annotation.Value("${leadline.contacts-import.max-file-size}")
                            org.springframework.util.unit.DataSize maxFileSize) {
        this.imports = imports;
        this.maxFileSize = maxFileSize.toMegabytes() + " MB";
    }

    @org.springframework.web.bind.annotation.ModelAttribute("maxFileSize")
    String maxFileSize() {
        return maxFileSize;
    }

    @GetMapping(UPLOAD)
    String uploadForm(Actor actor) {
        actor.require(Permission.CONFIGURE_INTEGRATIONS);
        return "integrations/contact-import";
    }

    @PostMapping(UPLOAD)
    String upload(Actor actor, @RequestParam(value = "file", required = false) MultipartFile file, HttpServletRequest request,
                  Model model) {
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            model.addAttribute("errors", errors);
            return "integrations/contact-import";
        });
        actor.require(Permission.CONFIGURE_INTEGRATIONS);
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            throw InvalidInputException.of(ContactFile.FIELD, "Choose a CSV file to upload.");
        }
        String fileName = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        if (!fileName.isBlank() && !fileName.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(csv|txt)$")) {
            throw InvalidInputException.of(ContactFile.FIELD, "Choose a .csv file: save your spreadsheet as \"CSV UTF-8\" first.");
        }
        UUID id;
        try {
            id = imports.upload(actor, fileName, file.getBytes());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return "redirect:" + UPLOAD + "/" + id;
    }

    @GetMapping(UPLOAD + "/{id}")
    String show(Actor actor, @PathVariable UUID id, Model model) {
        ContactImportService.Preview preview = imports.preview(actor, id);
        if (preview.job().status() == Status.UPLOADED) {
            UUID only = preview.profiles().size() == 1 ? preview.profiles().get(0).id() : null;
            return mapping(preview, MappingForm.of(preview.suggested(), only), model);
        }
        model.addAttribute("progress", imports.progress(actor, id));
        return "integrations/contact-import-progress";
    }

    @PostMapping(UPLOAD + "/{id}/start")
    String start(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String profileId,
                 @RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String name,
                 @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String notes,
                 HttpServletRequest request, Model model) {
        MappingForm form = new MappingForm(profileId, phone, name, email, notes);
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            model.addAttribute("errors", errors);
            return mapping(imports.preview(actor, id), form, model);
        });
        Map<String, String> unreadable = new LinkedHashMap<>();
        UUID profile = uuid(profileId, unreadable);
        Mapping mapping = new Mapping(column(phone, "phone", unreadable), column(name, "name", unreadable),
                column(email, "email", unreadable), column(notes, "notes", unreadable));
        if (!unreadable.isEmpty()) {
            throw new InvalidInputException(unreadable);
        }
        imports.start(actor, id, profile, mapping);
        return "redirect:" + UPLOAD + "/" + id;
    }

    /** The progress panel alone, for the page's polling. */
    @GetMapping(UPLOAD + "/{id}/progress")
    String progress(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("progress", imports.progress(actor, id));
        return "integrations/contact-import-progress :: panel";
    }

    private String mapping(ContactImportService.Preview preview, MappingForm form, Model model) {
        Import job = preview.job();
        if (job.status() != Status.UPLOADED) {
            model.addAttribute("progress", new ContactImportService.Progress(job, java.util.List.of()));
            return "integrations/contact-import-progress";
        }
        model.addAttribute("job", job);
        model.addAttribute("rows", preview.rows());
        model.addAttribute("profiles", preview.profiles());
        model.addAttribute("form", form);
        model.addAttribute("fields", Mapping.FIELDS);
        return "integrations/contact-import-mapping";
    }

    private static UUID uuid(String text, Map<String, String> errors) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAnId) {
            errors.put("profileId", "Choose one of your profiles to import into.");
            return null;
        }
    }

    private static Integer column(String text, String field, Map<String, String> errors) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException notANumber) {
            errors.put(field, "Choose one of the file's columns.");
            return null;
        }
    }
}
